import Testing
@testable import PlanCorpus

@Suite struct OffsetMapTests {
    @Test func identityMapsEveryOffsetToItself() {
        #expect(OffsetMap.identity.original(0) == 0)
        #expect(OffsetMap.identity.original(57) == 57)
    }

    @Test func anchorsShiftLaterOffsets() {
        var map = OffsetMap()
        map.append(clean: 10, original: 25)   // 15 bytes removed before clean offset 10
        #expect(map.original(5) == 5)
        #expect(map.original(10) == 25)
        #expect(map.original(12) == 27)
    }
}
