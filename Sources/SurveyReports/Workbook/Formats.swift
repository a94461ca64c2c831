import CXlsxWriter

/// The cell formats of the report, made once per workbook.
struct Formats {
    typealias Format = UnsafeMutablePointer<lxw_format>
    let title: Format
    let heading: Format
    let header: Format
    let text: Format
    let wrap: Format
    let note: Format
    let warning: Format
    let percent: Format
    let decimal: Format
    let integer: Format
    let hidden: Format
    let bold: Format
    let date: Format

    init(_ workbook: UnsafeMutablePointer<lxw_workbook>) {
        func make(_ setup: (Format) -> Void) -> Format {
            let format = workbook_add_format(workbook)!
            format_set_font_name(format, "Calibri")
            format_set_font_size(format, 11)
            format_set_align(format, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
            setup(format)
            return format
        }
        title = make { format_set_bold($0); format_set_font_size($0, 16); format_set_font_color($0, 0x1F4E79) }
        heading = make { format_set_bold($0); format_set_font_size($0, 13); format_set_font_color($0, 0x1F4E79) }
        header = make {
            format_set_bold($0); format_set_bg_color($0, 0xDDEBF7); format_set_bottom($0, UInt8(LXW_BORDER_THIN.rawValue))
            format_set_text_wrap($0)
        }
        text = make { _ in }
        wrap = make { format_set_text_wrap($0) }
        note = make { format_set_italic($0); format_set_font_color($0, 0x595959) }
        warning = make { format_set_bold($0); format_set_font_color($0, 0x9C0006); format_set_bg_color($0, 0xFFC7CE); format_set_text_wrap($0) }
        percent = make { format_set_num_format_index($0, 9) }  // Excel's built-in "0%"
        decimal = make { format_set_num_format($0, "0.0") }
        integer = make { format_set_num_format_index($0, 1) }  // built-in "0"
        hidden = make { format_set_italic($0); format_set_font_color($0, 0x7F7F7F); format_set_align($0, UInt8(LXW_ALIGN_RIGHT.rawValue)) }
        bold = make { format_set_bold($0) }
        date = make { format_set_num_format($0, "d-m-yyyy") }
    }
}
