#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a whole file into memory with POSIX calls, saying why when it cannot.
enum FileReader {
    /// The file's bytes, or a reason such as "dangling symbolic link" or "is a folder".
    static func contents(of path: String) -> Result<[UInt8], FileReadError> {
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
        var bytes = [UInt8]()
        let expected = Int(info.st_size)
        bytes.reserveCapacity(expected + 1)
        var chunk = max(expected + 1, 64 * 1024)
        while true {
            let start = bytes.count
            var failure: Int32 = 0
            var got = 0
            bytes.append(contentsOf: repeatElement(0, count: chunk))
            bytes.withUnsafeMutableBytes { buffer in
                got = read(fd, buffer.baseAddress! + start, chunk)
                if got < 0 { failure = errno }
            }
            if got < 0 {
                if failure == EINTR { bytes.removeLast(chunk); continue }
                return .failure(FileReadError(reason: describe(failure)))
            }
            bytes.removeLast(chunk - got)
            if got == 0 { break }
            chunk = 64 * 1024
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
