import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Replaces a file all at once: write a temporary file in the same folder, flush it, then rename(2) over the target.
public enum AtomicFile {
    /// Why a write failed, with the system's message.
    public struct WriteError: Error, CustomStringConvertible {
        public let description: String
    }

    public static func write(_ text: String, to url: URL) throws {
        let path = url.path
        let folder = url.deletingLastPathComponent().path
        let temp = "\(folder)/.\(url.lastPathComponent).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        // Keep the file's permissions; a new file gets the usual 0644.
        var mode: mode_t = 0o644
        var info = stat()
        if stat(path, &info) == 0 { mode = info.st_mode & 0o7777 }
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL, mode)
        guard fd >= 0 else { throw WriteError(description: "cannot create \(temp): \(String(cString: strerror(errno)))") }
        var ok = true
        var failure = ""
        let bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { buf in Glibc.write(fd, buf.baseAddress! + written, bytes.count - written) }
            if n < 0 {
                if errno == EINTR { continue }
                ok = false; failure = String(cString: strerror(errno)); break
            }
            written += n
        }
        if ok, fsync(fd) != 0 { ok = false; failure = String(cString: strerror(errno)) }
        close(fd)
        if ok, rename(temp, path) != 0 { ok = false; failure = String(cString: strerror(errno)) }
        if !ok {
            unlink(temp)
            throw WriteError(description: "cannot write \(path): \(failure)")
        }
    }
}
