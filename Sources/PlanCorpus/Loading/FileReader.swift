#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a whole file into memory with POSIX calls, saying why when it cannot.
enum FileReader {
    /// The file's bytes, or a reason such as "dangling symbolic link" or "is a folder".
    static func contents(of path: [CChar]) -> Result<[UInt8], FileReadError> {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            let error = errno
            var info = stat()
            if error == ENOENT && lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK {
                return .failure(FileReadError(reason: "dangling symbolic link"))
            }
            return .failure(FileReadError(reason: describe(error)))
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .failure(FileReadError(reason: describe(errno))) }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: return .failure(FileReadError(reason: "is a folder, not a file"))
        default: return .failure(FileReadError(reason: "not a regular file"))
        }
        // Read straight into the array's storage; a file that grows while read is read to its end.
        var bytes = [UInt8]()
        var capacity = Int(info.st_size) + 1
        while true {
            var failure: Int32 = 0
            let previous = bytes
            bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
                count = previous.count
                if count > 0 { _ = previous.withUnsafeBufferPointer { memcpy(buffer.baseAddress!, $0.baseAddress!, count) } }
                while count < capacity {
                    let got = read(fd, buffer.baseAddress! + count, capacity - count)
                    if got < 0 {
                        if errno == EINTR { continue }
                        failure = errno
                        return
                    }
                    if got == 0 { break }
                    count += got
                }
            }
            if failure != 0 { return .failure(FileReadError(reason: describe(failure))) }
            if bytes.count < capacity { break }
            capacity *= 2
        }
        return .success(bytes)
    }

    static func describe(_ error: Int32) -> String {
        String(cString: strerror(error)).lowercased()
    }
}

/// Why a file could not be read.
struct FileReadError: Error {
    var reason: String
}
