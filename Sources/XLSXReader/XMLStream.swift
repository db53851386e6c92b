private import CLibXML2
import Foundation

/// What an `XMLStream` reports while it reads: elements by local name (namespaces dropped,
/// as every name in the parts an XLSX reader needs is unique without them) and text.
///
/// Names and attributes are handed over as borrowed bytes, valid only during the call, so a
/// sheet of a million rows costs no `String` per element.
protocol XMLStreamHandler: AnyObject {
    func startElement(_ name: XMLName, attributes: XMLAttributes) throws
    func endElement(_ name: XMLName) throws
    func text(_ bytes: UnsafeBufferPointer<UInt8>) throws
}

/// An element's local name, borrowed from the parser for the length of one callback.
struct XMLName {
    fileprivate let pointer: UnsafePointer<UInt8>

    /// Whether the name is `literal` (ASCII), without making a string.
    func `is`(_ literal: StaticString) -> Bool {
        literal.withUTF8Buffer { expected in
            for index in 0..<expected.count where pointer[index] != expected[index] { return false }
            return pointer[expected.count] == 0
        }
    }

    var string: String { String(cString: pointer) }
}

/// An element's attributes, borrowed from the parser for the length of one callback.
struct XMLAttributes {
    /// libxml2's SAX2 layout: five pointers per attribute (local name, prefix, URI, value start, value end).
    let pointers: UnsafeMutablePointer<UnsafePointer<UInt8>?>?
    let count: Int

    /// The value of the attribute whose local name is `name`, as bytes, or nil.
    func bytes(_ name: StaticString) -> UnsafeBufferPointer<UInt8>? {
        guard let pointers else { return nil }
        for index in 0..<count {
            guard let local = pointers[index * 5], XMLName(pointer: local).is(name),
                  let start = pointers[index * 5 + 3], let end = pointers[index * 5 + 4] else { continue }
            return UnsafeBufferPointer(start: start, count: end - start)
        }
        return nil
    }

    /// The value of attribute `name` as a non-negative decimal integer, without making a string;
    /// nil when absent or not all digits.
    func integer(_ name: StaticString) -> Int? {
        guard let bytes = bytes(name), !bytes.isEmpty, bytes.count < 19 else { return nil }
        var value = 0
        for byte in bytes {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }

    /// The value of the attribute whose local name is `name`, as text, or nil.
    func string(_ name: StaticString) -> String? {
        bytes(name).map { String(decoding: $0, as: UTF8.self) }
    }
}

/// Where and why an XML part could not be parsed.
struct XMLStreamFailure: Error {
    var line: Int
    var column: Int
    var message: String
}

/// libxml2's push parser with SAX2 callbacks: bytes go in as they are inflated from the zip
/// (`feed`), elements come out to the handler as they close, so no part is held whole.
///
/// The only Swift file that touches libxml2. The class owns the parser context and frees it
/// in `deinit`; the C callbacks capture nothing and find `self` through `Unmanaged`; an error
/// thrown by the handler inside a callback stops the parser and is rethrown after the C call.
/// No DTD is loaded, nothing is fetched from the network, and libxml2's own limits on entity
/// expansion stay on.
final class XMLStream {
    private unowned let handler: any XMLStreamHandler
    private var context: xmlParserCtxtPtr?
    private var handlerError: (any Error)?

    init(handler: any XMLStreamHandler) {
        self.handler = handler
    }

    deinit {
        if let context { xmlFreeParserCtxt(context) }
    }

    /// Parses the next chunk of the document.
    func feed(_ bytes: UnsafeRawBufferPointer) throws {
        try parse(bytes, last: false)
    }

    /// Ends the document: unclosed elements become an error here.
    func finish() throws {
        try parse(UnsafeRawBufferPointer(start: nil, count: 0), last: true)
    }

    private func parse(_ bytes: UnsafeRawBufferPointer, last: Bool) throws {
        let context = try self.context ?? start()
        // libxml2 takes chunks as int lengths; zip chunks are far smaller, but split anyway.
        var offset = 0
        repeat {
            let length = min(bytes.count - offset, 1 << 30)
            let pointer = bytes.baseAddress.map { ($0 + offset).assumingMemoryBound(to: CChar.self) }
            let isLast = last && offset + length == bytes.count
            let status = xmlParseChunk(context, pointer, Int32(length), isLast ? 1 : 0)
            if let handlerError {
                self.handlerError = nil
                throw handlerError
            }
            if status != 0 { throw failure(context) }
            offset += length
        } while offset < bytes.count
    }

    private func start() throws -> xmlParserCtxtPtr {
        var sax = xmlSAXHandler()
        sax.initialized = UInt32(XML_SAX2_MAGIC)
        sax.startElementNs = { user, localName, _, _, _, _, attributeCount, _, attributes in
            guard let user, let localName else { return }
            let stream = Unmanaged<XMLStream>.fromOpaque(user).takeUnretainedValue()
            stream.call { try $0.startElement(XMLName(pointer: localName), attributes: XMLAttributes(pointers: attributes, count: Int(attributeCount))) }
        }
        sax.endElementNs = { user, localName, _, _ in
            guard let user, let localName else { return }
            let stream = Unmanaged<XMLStream>.fromOpaque(user).takeUnretainedValue()
            stream.call { try $0.endElement(XMLName(pointer: localName)) }
        }
        let characters: charactersSAXFunc = { user, bytes, length in
            guard let user, let bytes, length > 0 else { return }
            let stream = Unmanaged<XMLStream>.fromOpaque(user).takeUnretainedValue()
            stream.call { try $0.text(UnsafeBufferPointer(start: bytes, count: Int(length))) }
        }
        sax.characters = characters
        sax.cdataBlock = characters
        // Whitespace between elements reaches `characters` too (no DTD says it is ignorable).
        sax.ignorableWhitespace = characters
        let user = Unmanaged.passUnretained(self).toOpaque()
        guard let context = xmlCreatePushParserCtxt(&sax, user, nil, 0, nil) else {
            throw XMLStreamFailure(line: 0, column: 0, message: "libxml2 could not start a parser (out of memory?)")
        }
        xmlCtxtUseOptions(context, Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue))
        self.context = context
        return context
    }

    /// Runs a handler call, keeping its first error and stopping the parser on it.
    private func call(_ body: (any XMLStreamHandler) throws -> Void) {
        guard handlerError == nil else { return }
        do {
            try body(handler)
        } catch {
            handlerError = error
            if let context { xmlStopParser(context) }
        }
    }

    private func failure(_ context: xmlParserCtxtPtr) -> XMLStreamFailure {
        guard let error = xmlCtxtGetLastError(context) else {
            return XMLStreamFailure(line: 0, column: 0, message: "the XML is not well-formed")
        }
        let message = error.pointee.message.map { String(cString: $0) } ?? "the XML is not well-formed"
        return XMLStreamFailure(line: Int(error.pointee.line), column: Int(error.pointee.int2),
                                message: message.trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
