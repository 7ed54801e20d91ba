package dev.tenantcore.contacts.application;

import java.io.InputStream;
import java.util.List;
import java.util.Map;

/**
 * Reads the files of imports: UTF-8 text (a byte order mark or none) in CSV with any common delimiter, quoted
 * fields. A file that is none of that is refused with an {@code InvariantViolationException} on "file" that says
 * why (wrong encoding, an unterminated quote, a row longer than the header...).
 */
public interface ContactSheets {

    /** Reads the whole file once: its headers and how many data rows follow them. */
    Sheet inspect(byte[] file);

    /** At most {@code limit} data rows, from the {@code from}th on (counting from 0). */
    List<SheetRow> rows(InputStream file, int from, int limit);

    /** @param headers the first row's cells, as they are written */
    record Sheet(List<String> headers, int rows) {
        public Sheet {
            headers = List.copyOf(headers);
        }
    }

    /**
     * @param line the row's line in the file, the header being line 1
     * @param cells the row's cells by their column's header (the first column of a header written twice)
     */
    record SheetRow(int line, Map<String, String> cells) {
        public SheetRow {
            cells = Map.copyOf(cells);
        }
    }
}
