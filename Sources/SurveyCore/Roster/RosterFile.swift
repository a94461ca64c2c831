/// A roster file as it arrives (from disk in `roster import`, uploaded in the dashboard): its bytes decoded
/// (UTF-8, or Windows-1252 from older Excel) and read into rows. Any bad row refuses the whole file.
public enum RosterFile {
    public static func read(_ bytes: [UInt8], knownTags: [Tag]) throws(RosterError) -> (rows: [RosterRow], encoding: RosterEncoding) {
        let decoded = try RosterEncoding.decode(bytes)
        return (try RosterCSV.rows(decoded.text, knownTags: knownTags), decoded.encoding)
    }
}
