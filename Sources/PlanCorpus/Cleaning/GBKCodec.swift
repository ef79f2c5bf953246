import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Two-byte GBK/GB18030 code table, built once through iconv, for re-encoding mojibake runs.
final class GBKCodec: @unchecked Sendable {
    static let shared = GBKCodec()

    /// Scalar value for a two-byte code `lead << 8 | trail` (0: not a two-byte code). Arrays, not
    /// dictionaries: both are read per scalar of every mojibake candidate.
    private var decodeTable = [UInt32](repeating: 0, count: 0x10000)
    /// Two-byte code of a BMP scalar value (0: none; every code has a lead byte of 0x81 or more).
    private var encodeTable = [UInt16](repeating: 0, count: 0x10000)
    private(set) var isAvailable = false

    private init() {
        var pairs: [UInt16] = []
        var bytes: [UInt8] = []
        for lead in UInt8(0x81)...UInt8(0xFE) {
            for trail in UInt8(0x40)...UInt8(0xFE) where trail != 0x7F {
                pairs.append(UInt16(lead) << 8 | UInt16(trail))
                bytes.append(lead); bytes.append(trail); bytes.append(0x0A)
            }
        }
        guard let utf8 = Self.iconv(bytes, from: "GB18030", to: "UTF-8") else { return }
        let lines = String(decoding: utf8, as: UTF8.self).unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count >= pairs.count else { return }
        for (i, code) in pairs.enumerated() where lines[i].count == 1 {
            let s = lines[i].first!
            decodeTable[Int(code)] = s.value
            if s.value < 0x10000, encodeTable[Int(s.value)] == 0 { encodeTable[Int(s.value)] = code }
            isAvailable = true
        }
    }

    /// The two GBK bytes of a scalar, or nil for ASCII and scalars outside GBK's two-byte area.
    func encode(_ s: Unicode.Scalar) -> (UInt8, UInt8)? {
        guard s.value < 0x10000 else { return nil }
        let code = encodeTable[Int(s.value)]
        guard code != 0 else { return nil }
        return (UInt8(code >> 8), UInt8(code & 0xFF))
    }

    /// The scalar of one two-byte code.
    @inline(__always) func decodePair(_ lead: UInt8, _ trail: UInt8) -> Unicode.Scalar? {
        let v = decodeTable[Int(lead) << 8 | Int(trail)]
        return v == 0 ? nil : Unicode.Scalar(v)
    }

    /// Decodes bytes strictly: ASCII bytes stand for themselves, other bytes must form two-byte codes.
    func decode(_ bytes: [UInt8]) -> [Unicode.Scalar]? {
        var out: [Unicode.Scalar] = []
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b < 0x80 { out.append(Unicode.Scalar(b)); i += 1; continue }
            guard i + 1 < bytes.count, let s = decodePair(b, bytes[i + 1]) else { return nil }
            out.append(s)
            i += 2
        }
        return out
    }

    private static func iconv(_ input: [UInt8], from: String, to: String) -> [UInt8]? {
        #if canImport(Glibc)
        let cd = iconv_open(to, from)
        if cd == iconv_t(bitPattern: -1) { return nil }
        defer { iconv_close(cd) }
        var inBytes = input.map { CChar(bitPattern: $0) }
        var output = [CChar](repeating: 0, count: input.count * 3 + 16)
        let left: Int? = inBytes.withUnsafeMutableBufferPointer { inBuf in
            output.withUnsafeMutableBufferPointer { outBuf in
                var inPtr: UnsafeMutablePointer<CChar>? = inBuf.baseAddress
                var inLeft = inBuf.count
                var outPtr: UnsafeMutablePointer<CChar>? = outBuf.baseAddress
                var outLeft = outBuf.count
                let r = Glibc.iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                return r == -1 ? nil : outLeft
            }
        }
        guard let left else { return nil }
        return output.dropLast(left).map { UInt8(bitPattern: $0) }
        #else
        return nil
        #endif
    }
}
