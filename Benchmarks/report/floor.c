/* The floor for the workbook part: writes the same Data-sheet cells as `ouderstem report`, in plain C.
 * Reads cells.tsv (one line per row; each field 'n<number>', 's<text>' or empty; tabs/newlines in text
 * escaped as \t and \n) and writes them with libxlsxwriter in constant-memory mode, like the report does at this size.
 * Usage: floor cells.tsv out.xlsx */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

static void unescape(char *s) {
    char *out = s;
    for (; *s; s++) {
        if (*s == '\\' && s[1] == 't') { *out++ = '\t'; s++; }
        else if (*s == '\\' && s[1] == 'n') { *out++ = '\n'; s++; }
        else if (*s == '\\' && s[1] == '\\') { *out++ = '\\'; s++; }
        else *out++ = *s;
    }
    *out = 0;
}

int main(int argc, char **argv) {
    if (argc != 3) { fprintf(stderr, "usage: floor cells.tsv out.xlsx\n"); return 2; }
    FILE *in = fopen(argv[1], "r");
    if (!in) { perror(argv[1]); return 1; }
    lxw_workbook_options options = {.constant_memory = 1, .tmpdir = NULL, .use_zip64 = 1};
    lxw_workbook *workbook = workbook_new_opt(argv[2], &options);
    lxw_worksheet *sheet = workbook_add_worksheet(workbook, "Data");
    char *line = NULL; size_t capacity = 0; ssize_t length; lxw_row_t row = 0; long cells = 0;
    while ((length = getline(&line, &capacity, in)) > 0) {
        if (line[length - 1] == '\n') line[length - 1] = 0;
        lxw_col_t col = 0;
        char *field = line;
        for (;;) {
            char *tab = strchr(field, '\t');
            if (tab) *tab = 0;
            if (field[0] == 'n') { worksheet_write_number(sheet, row, col, strtod(field + 1, NULL), NULL); cells++; }
            else if (field[0] == 's') { unescape(field + 1); worksheet_write_string(sheet, row, col, field + 1, NULL); cells++; }
            col++;
            if (!tab) break;
            field = tab + 1;
        }
        row++;
    }
    lxw_error error = workbook_close(workbook);
    if (error) { fprintf(stderr, "workbook_close: %s\n", lxw_strerror(error)); return 1; }
    printf("floor: %u rows, %ld cells\n", row, cells);
    free(line); fclose(in);
    return 0;
}
