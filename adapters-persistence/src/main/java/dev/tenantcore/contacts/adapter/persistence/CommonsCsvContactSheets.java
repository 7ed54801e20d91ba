package dev.tenantcore.contacts.adapter.persistence;

import dev.tenantcore.contacts.application.ContactSheets;
import dev.tenantcore.shared.domain.InvariantViolationException;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * CSV files read with Apache Commons CSV. The delimiter is whichever of comma, semicolon, tab and pipe the header
 * line holds most of (outside quotes). The text must be UTF-8 (a byte order mark is dropped): decoded strictly, so a
 * file saved as Latin-1 or UTF-16 is refused with the byte where it goes wrong rather than imported garbled.
 */
@Singleton
final class CommonsCsvContactSheets implements ContactSheets {
    private static final char[] DELIMITERS = {',', ';', '\t', '|'};

    @Override
    public Sheet inspect(byte[] file) {
        var headers = new ArrayList<String>();
        var rows = new int[1];
        read(file, headers, record -> rows[0]++);
        if (headers.isEmpty()) {
            throw refused("the file has no header row");
        }
        return new Sheet(headers, rows[0]);
    }

    @Override
    public List<SheetRow> rows(InputStream file, int from, int limit) {
        byte[] content;
        try {
            content = file.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var headers = new ArrayList<String>();
        var found = new ArrayList<SheetRow>();
        var seen = new int[1];
        read(content, headers, record -> {
            var index = seen[0]++;
            if (index >= from && found.size() < limit) {
                var cells = new HashMap<String, String>();
                for (int i = 0; i < record.size() && i < headers.size(); i++) {
                    cells.putIfAbsent(headers.get(i), record.get(i));
                }
                found.add(new SheetRow(Math.toIntExact(record.getRecordNumber()), cells));
            }
        });
        return found;
    }

    /** The header into {@code headers}, each data row to {@code rows}. */
    private static void read(byte[] file, List<String> headers, Consumer<CSVRecord> rows) {
        var text = decoded(file);
        var format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter(text)).setIgnoreEmptyLines(true).get();
        try (var parser = CSVParser.parse(text, format)) {
            for (var record : parser) {
                if (headers.isEmpty()) {
                    record.forEach(header -> headers.add(header.strip()));
                    continue;
                }
                for (int i = headers.size(); i < record.size(); i++) {
                    if (!record.get(i).isBlank()) {
                        throw refused("row " + record.getRecordNumber() + " has more cells than the header has "
                                + "columns (" + headers.size() + ")");
                    }
                }
                rows.accept(record);
            }
        } catch (UncheckedIOException | IllegalStateException | IOException e) {
            // Commons CSV's words for a malformed file, e.g. "EOF reached before encapsulated token finished".
            throw refused("the file is not well-formed CSV: " + e.getMessage());
        }
    }

    private static String decoded(byte[] file) {
        if (file.length >= 2 && ((file[0] == (byte) 0xFE && file[1] == (byte) 0xFF)
                || (file[0] == (byte) 0xFF && file[1] == (byte) 0xFE))) {
            throw refused("the file is UTF-16 text: save it as UTF-8 (\"CSV UTF-8\")");
        }
        var offset = file.length >= 3 && file[0] == (byte) 0xEF && file[1] == (byte) 0xBB && file[2] == (byte) 0xBF
                ? 3 : 0;
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        var input = ByteBuffer.wrap(file, offset, file.length - offset);
        try {
            var text = decoder.decode(input).toString();
            if (text.indexOf('\u0000') >= 0) {
                throw refused("the file holds NUL characters: it is not a text file");
            }
            return text;
        } catch (CharacterCodingException e) {
            throw refused("the file is not UTF-8 text (the bytes at offset " + input.position() + " are not "
                    + "UTF-8): save it as UTF-8 (\"CSV UTF-8\")");
        }
    }

    /** The candidate seen most often on the first line, outside quotes; a comma when there are none. */
    private static char delimiter(String text) {
        var counts = new int[DELIMITERS.length];
        var quoted = false;
        for (int i = 0; i < text.length(); i++) {
            var c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            } else if (!quoted) {
                for (int d = 0; d < DELIMITERS.length; d++) {
                    if (c == DELIMITERS[d]) {
                        counts[d]++;
                    }
                }
            }
        }
        var best = 0;
        for (int d = 1; d < DELIMITERS.length; d++) {
            if (counts[d] > counts[best]) {
                best = d;
            }
        }
        return DELIMITERS[best];
    }

    private static InvariantViolationException refused(String message) {
        return new InvariantViolationException("file", message);
    }
}
