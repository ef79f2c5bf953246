import Foundation
import Testing
@testable import PlanCorpus

@Suite struct EncodingDetectionTests {
    @Test(arguments: [
        ("traditional.utf8.txt", "UTF-8"),
        ("traditional.utf8bom.txt", "UTF-8 BOM"),
        ("traditional.utf16le.txt", "UTF-16LE"),
        ("traditional.utf16be.txt", "UTF-16BE"),
        ("traditional.gb18030.txt", "GB18030"),
        ("traditional.big5.txt", "Big5"),
        ("simplified.gb18030.txt", "GB18030"),
    ])
    func fixtureDecodesToTheSameTextWithItsEncodingName(file: String, encoding: String) throws {
        let expected = String(decoding: EncodingFixtures.bytes(file.hasPrefix("simplified") ? "simplified.utf8.txt" : "traditional.utf8.txt"), as: UTF8.self)
        try #require(!expected.isEmpty, "fixtures missing at \(EncodingFixtures.folder)")
        let corpus = CorpusLoader().load([(EncodingFixtures.folder as NSString).appendingPathComponent(file)])
        let document = try #require(corpus.documents.first)
        #expect(document.encoding == encoding)
        #expect(document.original == expected)
        #expect(corpus.allWarnings.filter { $0.kind == "invalid-bytes" || $0.kind == "encoding" }.isEmpty)
    }

    @Test func docsEncodingColumnComesFromDetection() throws {
        let corpus = CorpusLoader().load([EncodingFixtures.folder])
        let byName = Dictionary(uniqueKeysWithValues: corpus.documents.map { ($0.name, $0.encoding) })
        #expect(byName["traditional.big5.txt"] == "Big5")
        #expect(byName["traditional.utf16be.txt"] == "UTF-16BE")
        #expect(corpus.documents.count == 8)
    }

    @Test func iconvHasTheLegacyConverters() {
        #expect(IconvDecoder.isAvailable(.gb18030))
        #expect(IconvDecoder.isAvailable(.big5))
    }

    @Test func commonCharacterSetHoldsSimplifiedAndTraditionalForms() {
        for character in "的国发展國發會為" {
            #expect(CommonHanzi.contains(character.unicodeScalars.first!.value), "\(character)")
        }
        #expect(!CommonHanzi.contains("鬱".unicodeScalars.first!.value))
        #expect(CommonHanzi.count > 600)
    }

    /// GB18030 bytes read as Big5 and the reverse score far below the right reading.
    @Test func rightDecodingScoresAboveWrongOne() throws {
        let gb = EncodingFixtures.bytes("simplified.gb18030.txt")
        let big5 = EncodingFixtures.bytes("traditional.big5.txt")
        try gb.withUnsafeBufferPointer { bytes in
            let right = try #require(IconvDecoder.decode(bytes, from: .gb18030))
            let wrong = try #require(IconvDecoder.decode(bytes, from: .big5))
            #expect(EncodingScore(right.text, invalid: right.invalidCount).value > 0.5)
            #expect(EncodingScore(wrong.text, invalid: wrong.invalidCount).value < 0.2)
        }
        try big5.withUnsafeBufferPointer { bytes in
            let right = try #require(IconvDecoder.decode(bytes, from: .big5))
            let wrong = try #require(IconvDecoder.decode(bytes, from: .gb18030))
            #expect(EncodingScore(right.text, invalid: right.invalidCount).value > EncodingScore(wrong.text, invalid: wrong.invalidCount).value + 0.3)
        }
    }

    @Test func invalidGB18030BytesAreReplacedAndCounted() throws {
        // A valid GB18030 line, then a line holding a lead byte cut short by the line break.
        var bytes = EncodingFixtures.bytes("simplified.gb18030.txt")
        bytes += [0xB0, 0x0A]
        let decoded = try #require(bytes.withUnsafeBufferPointer { IconvDecoder.decode($0, from: .gb18030) })
        #expect(decoded.invalidCount == 1)
        #expect(decoded.invalidLines == [5])
        #expect(decoded.text.hasSuffix("\u{FFFD}\n"))
    }

    @Test func damagedUTF8StaysUTF8() throws {
        let text = EncodingFixtures.traditional
        var bytes = Array(text.utf8)
        // Break one character in the third line: drop its last continuation byte.
        let lineStart = bytes.indices.filter { bytes[$0] == 0x0A }[1] + 1
        bytes.remove(at: lineStart + 2)
        let detection = bytes.withUnsafeBufferPointer { EncodingDetector.detect($0) }
        #expect(detection.encoding == .utf8)
        #expect(detection.decoded.invalidCount == 1)
        #expect(detection.decoded.invalidLines == [3])
        #expect(detection.decoded.text.contains("\u{FFFD}"))
        #expect(detection.decoded.text.hasPrefix("推動重點領域"))
    }

    @Test func utf8SurveyFollowsUnicodeMaximalSubparts() {
        // E0 80 is invalid at the second byte (E0 needs A0…BF): two subparts; ED A0 80 is a surrogate: three.
        let cases: [([UInt8], Int)] = [([0xE0, 0x80], 2), ([0xED, 0xA0, 0x80], 3), ([0xE4, 0xB8], 1), ([0xC0, 0xAF], 2), ([0xF4, 0x90, 0x80, 0x80], 4)]
        for (bytes, invalid) in cases {
            let survey = bytes.withUnsafeBufferPointer { UTF8Survey.survey($0) }
            let swiftCount = String(decoding: bytes, as: UTF8.self).unicodeScalars.filter { $0 == "\u{FFFD}" }.count
            #expect(survey.invalid == invalid, "\(bytes)")
            #expect(survey.invalid == swiftCount, "\(bytes)")
        }
    }

    @Test func utf16WithOddLengthAndLoneSurrogateIsRepaired() {
        var bytes: [UInt8] = [0x2D, 0x4E, 0x00, 0xD8, 0x0A, 0x00, 0x87, 0x65]   // 中, lone high surrogate, \n, 文
        bytes.append(0x41)   // half a code unit
        let decoded = bytes.withUnsafeBufferPointer { UTF16Decoder.decode($0, bigEndian: false) }
        #expect(decoded.text == "中\u{FFFD}\n文\u{FFFD}")
        #expect(decoded.invalidCount == 2)
        #expect(decoded.invalidLines == [1, 2])
    }

    @Test func latinOneTextIsNotTakenForChinese() throws {
        // Windows-1252 French: invalid as UTF-8, and no Chinese reading fits.
        let text = String(repeating: "Le d\u{E9}veloppement \u{E9}conomique de la r\u{E9}gion est pr\u{E9}vu pour l'ann\u{E9}e. ", count: 20)
        let bytes = text.unicodeScalars.map { UInt8($0.value) }
        let detection = bytes.withUnsafeBufferPointer { EncodingDetector.detect($0) }
        #expect(detection.encoding == .utf8)
        #expect(detection.doubt != nil)
    }

    @Test func shortGBKTitleIsGB18030() {
        let bytes: [UInt8] = Array("Plan: ".utf8) + [0xB7, 0xA2, 0xD5, 0xB9, 0xB9, 0xE6, 0xBB, 0xAE] + [0x0A]   // 发展规划
        let detection = bytes.withUnsafeBufferPointer { EncodingDetector.detect($0) }
        #expect(detection.encoding == .gb18030)
        #expect(detection.decoded.text == "Plan: 发展规划\n")
    }
}

/// Short single passages encoded by the system's iconv: detection must hold on little text too.
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/iconv"), "needs /usr/bin/iconv"))
struct EncodingDetectionShortTextTests {
    static let traditional = [
        "各級人民政府應當加強對托育服務工作的領導。",
        "到二零二五年，全市養老機構護理型床位佔比達到百分之五十五。",
        "健全城鄉社區服務體系，推動公共服務向基層延伸。",
        "加快建設現代化產業體系，支持中小企業創新發展。",
        "提高城鎮老舊小區改造品質，完善無障礙設施。",
    ]
    static let simplified = [
        "各级人民政府应当加强对托育服务工作的领导。",
        "到2025年，全市养老机构护理型床位占比达到55%。",
        "健全城乡社区服务体系，推动公共服务向基层延伸。",
        "加快建设现代化产业体系，支持中小企业创新发展。",
    ]

    static func encode(_ text: String, to encoding: String) throws -> [UInt8] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
        process.arguments = ["-f", "UTF-8", "-t", encoding]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(text.utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "iconv cannot encode \(text) as \(encoding)")
        return Array(data)
    }

    @Test(arguments: traditional)
    func traditionalSentenceInBig5AndGB18030(sentence: String) throws {
        for (iconvName, expected) in [("BIG5", TextEncoding.big5), ("GB18030", .gb18030)] {
            let bytes = try Self.encode(sentence + "\n", to: iconvName)
            let detection = bytes.withUnsafeBufferPointer { EncodingDetector.detect($0) }
            #expect(detection.encoding == expected, "\(iconvName): \(sentence)")
            #expect(detection.decoded.text == sentence + "\n")
        }
    }

    @Test(arguments: simplified)
    func simplifiedSentenceInGB18030(sentence: String) throws {
        let bytes = try Self.encode(sentence + "\n", to: "GB18030")
        let detection = bytes.withUnsafeBufferPointer { EncodingDetector.detect($0) }
        #expect(detection.encoding == .gb18030)
        #expect(detection.decoded.text == sentence + "\n")
    }

    /// A GB18030 file with one damaged byte stays GB18030 and reports the damage with its encoding and line.
    @Test func damagedGB18030IsStillGB18030() throws {
        var bytes = try Self.encode(Self.simplified.joined(separator: "\n") + "\n", to: "GB18030")
        let secondLine = bytes.firstIndex(of: 0x0A)! + 1
        bytes.insert(0xFF, at: secondLine + 4)
        let folder = TemporaryFolder()
        folder.write("gb.txt", bytes: bytes)
        let corpus = CorpusLoader().load([folder.path])
        let document = try #require(corpus.documents.first)
        #expect(document.encoding == "GB18030")
        #expect(document.original?.contains("\n到20\u{FFFD}25年") == true)
        let warning = try #require(corpus.warnings(kind: "invalid-bytes").first)
        #expect(warning.line == 2)
        #expect(warning.message.hasPrefix("gb.txt:2: invalid GB18030 bytes"))
    }
}

@Suite struct EncodingDetectionDamageTests {
    /// UTF-8 with one character in `every` cut short (its last byte dropped).
    static func damaged(_ text: String, every: Int) -> [UInt8] {
        var out: [UInt8] = []
        var k = 0
        for scalar in text.unicodeScalars {
            var bytes = Array(String(scalar).utf8)
            if bytes.count > 1 {
                k += 1
                if k % every == 0 { bytes.removeLast() }
            }
            out += bytes
        }
        return out
    }

    /// Past the 98 % shortcut, scoring still prefers damaged UTF-8 to a GB18030 or Big5 misreading.
    @Test(arguments: [50, 20, 10])
    func heavilyDamagedUTF8IsStillUTF8(every: Int) {
        let text = String(repeating: EncodingFixtures.traditional, count: 4)
        let bytes = Self.damaged(text, every: every)
        let detection = bytes.withUnsafeBufferPointer { EncodingDetector.detect($0) }
        #expect(detection.encoding == .utf8, "one in \(every) damaged")
        #expect(detection.decoded.invalidCount > 0)
    }
}
