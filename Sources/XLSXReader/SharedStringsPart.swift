/// `xl/sharedStrings.xml`: the workbook's table of strings, which text cells point into by
/// index. Held in memory while a sheet is read: its size is the workbook's distinct texts.
final class SharedStringsPart: XMLStreamHandler {
    private(set) var strings: [String] = []
    private var buffer: [UInt8] = []
    private var inItem = false
    private var inText = false
    /// Phonetic runs (`rPh`, furigana) are guides printed above the text, not part of it.
    private var inPhonetic = false

    func startElement(_ name: XMLName, attributes: XMLAttributes) throws {
        if name.is("si") {
            inItem = true
            buffer.removeAll(keepingCapacity: true)
        } else if name.is("t") {
            inText = inItem && !inPhonetic
        } else if name.is("rPh") {
            inPhonetic = true
        }
    }

    func endElement(_ name: XMLName) throws {
        if name.is("si") {
            strings.append(OOXMLText.decode(buffer))
            inItem = false
        } else if name.is("t") {
            inText = false
        } else if name.is("rPh") {
            inPhonetic = false
        }
    }

    func text(_ bytes: UnsafeBufferPointer<UInt8>) throws {
        if inText { buffer.append(contentsOf: bytes) }
    }
}
