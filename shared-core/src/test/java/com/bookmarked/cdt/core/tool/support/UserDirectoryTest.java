package com.bookmarked.cdt.core.tool.support;

import com.bookmarked.cdt.core.roster.RecordStatus;
import com.bookmarked.cdt.core.roster.RoleType;
import com.bookmarked.cdt.core.roster.RosterUser;
import com.bookmarked.cdt.core.snapshot.RosterSnapshot;
import com.bookmarked.cdt.core.snapshot.SnapshotMeta;
import com.bookmarked.cdt.core.snapshot.SnapshotSide;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class UserDirectoryTest {

    private static RosterUser user(String key, String given) {
        return new RosterUser(key, key, RoleType.STUDENT, null, given, null, null, null, List.of(), List.of(), List.of(), null,
                true, RecordStatus.ACTIVE, null);
    }

    private static RosterSnapshot snapshot(List<RosterUser> users) {
        RosterSnapshot.Builder b = RosterSnapshot.builder(new SnapshotMeta("t", SnapshotSide.SIS, "test", Instant.EPOCH, null));
        users.forEach(b::user);
        return b.build();
    }

    @Test
    void findsEveryPersonByKeyAndNothingElse() {
        List<RosterUser> users = new java.util.ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            users.add(user(String.format("stu-%06d", i), "n" + i));
        }
        UserDirectory directory = new UserDirectory(snapshot(users));
        assertThat(directory.size()).isEqualTo(50_000);
        for (RosterUser u : users) {
            assertThat(directory.get(u.sourcedId())).isSameAs(u);
        }
        assertThat(directory.get("stu-050000")).isNull();
        assertThat(directory.get("")).isNull();
        assertThat(directory.get(null)).isNull();
    }

    @Test
    void theFirstOfTwoRecordsWithOneKeyWinsAsInTheRosterIndex() {
        RosterUser first = user("stu-1", "first");
        RosterUser second = user("stu-1", "second");
        RosterSnapshot s = snapshot(List.of(first, second, user("stu-2", "other")));
        UserDirectory directory = new UserDirectory(s);
        assertThat(directory.get("stu-1")).isSameAs(first).isSameAs(new RosterIndex(s).users.get("stu-1"));
        assertThat(directory.size()).isEqualTo(2);
    }

    @Test
    void anEmptySnapshotHasNobody() {
        assertThat(new UserDirectory(snapshot(List.of())).get("x")).isNull();
    }
}
