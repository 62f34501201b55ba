package com.bookmarked.cdt.core.snapshot;

import com.bookmarked.cdt.core.demo.DemoDistrict;
import com.bookmarked.cdt.core.demo.DemoDistrictGenerator;
import com.bookmarked.cdt.core.demo.DemoSpec;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SnapshotCodecTest {

    private static final DemoDistrict DISTRICT = new DemoDistrictGenerator().generate(new DemoSpec(300, 7));

    private static byte[] encode(RosterSnapshot snapshot) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SnapshotCodec.write(snapshot, out);
        return out.toByteArray();
    }

    @Test
    void bothSidesOfADistrictSurviveTheRoundTripExactly() throws IOException {
        for (RosterSnapshot original : new RosterSnapshot[] {DISTRICT.sis(), DISTRICT.ours()}) {
            RosterSnapshot read = SnapshotCodec.read(new ByteArrayInputStream(encode(original)));
            assertThat(read).isEqualTo(original);
        }
    }

    @Test
    void theFileIsCompressed() throws IOException {
        byte[] bytes = encode(DISTRICT.sis());
        long payload;
        try (var body = new java.util.zip.GZIPInputStream(new ByteArrayInputStream(bytes, 8, bytes.length - 8))) {
            payload = body.transferTo(java.io.OutputStream.nullOutputStream());
        }
        assertThat(bytes.length).isLessThan((int) (payload / 2));
    }

    @Test
    void somethingThatIsNotASnapshotIsRefusedInPlainWords() {
        assertThatThrownBy(() -> SnapshotCodec.read(new ByteArrayInputStream("sourcedId,status\n".getBytes())))
                .isInstanceOf(SnapshotCodec.SnapshotFormatException.class)
                .hasMessageContaining("not a CDT snapshot");
    }

    @Test
    void aTruncatedSnapshotIsRefusedNotHalfRead() throws IOException {
        byte[] bytes = encode(DISTRICT.ours());
        byte[] cut = Arrays.copyOf(bytes, bytes.length / 2);
        assertThatThrownBy(() -> SnapshotCodec.read(new ByteArrayInputStream(cut)))
                .isInstanceOf(IOException.class);
    }
}
