package com.bookmarked.cdt.core.demo;

import com.bookmarked.cdt.core.roster.Org;
import com.bookmarked.cdt.core.roster.RecordStatus;
import com.bookmarked.cdt.core.roster.RoleType;
import com.bookmarked.cdt.core.roster.RosterUser;
import com.bookmarked.cdt.core.snapshot.RosterSnapshot;
import com.bookmarked.cdt.core.snapshot.SnapshotMeta;
import com.bookmarked.cdt.core.snapshot.SnapshotSide;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A labelled set for measuring a student matcher: SIS students, our students and which of them
 * are the same person, where our copy of a person is hard to recognise and some different people
 * look alike. Nothing links the two sides by id: our records carry no SIS id or a stale one, so
 * every pair must be found by student number (a quarter of our records keep it, some reformatted)
 * or by names and birth date.
 *
 * <p>Our copy of a person carries up to two of these variants, chosen among those that apply:
 * a typo in the given or family name, a nickname, accents dropped, a compound surname's hyphen
 * changed or the name shortened to one part, given and family names swapped, day and month of
 * the birth date swapped, the birth date off by one, the name in capitals. Independently the
 * grade may be one higher, the campus another one, the email absent or different.
 *
 * <p>Hard non-matches: twins (same family name, birth date, grade and campus; given names at
 * least three letters apart and not nicknames of one another, since no matcher could tell those
 * from a typo), siblings (same family and campus), and namesakes (same given and family name,
 * another birth date). Often only one of two look-alikes is on a side, so a matcher that pairs
 * by resemblance alone pairs the wrong person. Persons present on one side only make up about
 * 14% of the set.
 *
 * <p>No two persons share both name and birth date: nothing could tell them apart. The set is
 * deterministic for a size and seed. Its nickname knowledge is written here,
 * separately from any matcher's table.
 */
public record HardVariantSet(long seed, List<RosterUser> sisStudents, List<RosterUser> ourStudents, List<Org> sisOrgs,
                             List<Org> ourCampuses, List<TruePair> pairs, List<LookAlike> lookAlikes) {

    public static final java.time.Instant FETCHED_AT = DemoDistrictGenerator.FETCHED_AT;

    /** One person on both sides, and the variants our copy carries ("nickname", "day-month-swapped", ...). */
    public record TruePair(String sisKey, String oursKey, List<String> variants) {
    }

    /** A SIS record and our record of two different people who resemble each other: "twin", "sibling" or "namesake". */
    public record LookAlike(String kind, String sisKey, String oursKey) {
    }

    public HardVariantSet {
        sisStudents = List.copyOf(sisStudents);
        ourStudents = List.copyOf(ourStudents);
        sisOrgs = List.copyOf(sisOrgs);
        ourCampuses = List.copyOf(ourCampuses);
        pairs = List.copyOf(pairs);
        lookAlikes = List.copyOf(lookAlikes);
    }

    public RosterSnapshot sisSnapshot() {
        RosterSnapshot.Builder b = RosterSnapshot.builder(new SnapshotMeta("hard-variants", SnapshotSide.SIS, "hard-variant-set",
                FETCHED_AT, null));
        sisOrgs.forEach(b::org);
        sisStudents.forEach(b::user);
        return b.build();
    }

    public RosterSnapshot oursSnapshot() {
        RosterSnapshot.Builder b = RosterSnapshot.builder(new SnapshotMeta("hard-variants", SnapshotSide.OURS, "hard-variant-set",
                FETCHED_AT, DemoDistrictGenerator.LAST_SYNC_AT));
        ourCampuses.forEach(b::org);
        ourStudents.forEach(b::user);
        return b.build();
    }

    /** About {@code size} persons (so about 0.93 × size records per side). */
    public static HardVariantSet generate(int size, long seed) {
        if (size < 100 || size > 1_000_000) {
            throw new IllegalArgumentException("A hard-variant set has between 100 and 1,000,000 persons; " + size + " was asked for.");
        }
        return new HardVariants(size, seed).build();
    }

    /** The generator: persons first (households with twins and siblings, namesakes), then each side's records. */
    private static final class HardVariants {

        private static final String[] GRADES = {"KG", "01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12"};
        /** Common knowledge about nicknames and spelling variants, for making variants and for keeping twins apart. */
        private static final Map<String, List<String>> NICKNAMES = new HashMap<>();
        private static final List<String> EXTRA_GIVEN = List.of(
                "William", "Elizabeth", "Alexander", "Katherine", "Robert", "Margaret", "Jonathan", "Christopher", "Nicholas",
                "Michael", "Daniel", "Matthew", "Anthony", "Joseph", "Jennifer", "Abigail", "Jacob", "Joshua", "Zachary",
                "Rebecca", "Victoria", "Patricia", "Timothy", "Alejandro", "Francisco", "Eduardo", "Ignacio", "Roberto",
                "Guillermo", "Manuel", "Muhammad", "Sophia", "Stephanie", "Jessica", "Alexandra", "Christina", "Edward",
                "Richard", "Thomas", "Andrew", "Charles", "Dolores", "Enrique", "Giovanni");

        static {
            nick("William", "Bill", "Will", "Billy", "Liam");
            nick("Elizabeth", "Liz", "Beth", "Eliza", "Betsy");
            nick("Alexander", "Alex", "Sasha");
            nick("Alexandra", "Alex", "Sasha", "Lexi");
            nick("Alejandro", "Alex");
            nick("Katherine", "Kate", "Katie", "Kathy");
            nick("Robert", "Bob", "Rob", "Bobby");
            nick("Margaret", "Maggie", "Peggy", "Meg");
            nick("Jonathan", "Jon");
            nick("Christopher", "Chris");
            nick("Christina", "Chris", "Tina");
            nick("Nicholas", "Nick");
            nick("Michael", "Mike");
            nick("Daniel", "Danny", "Dan");
            nick("Matthew", "Matt");
            nick("Anthony", "Tony");
            nick("Joseph", "Joe");
            nick("Jennifer", "Jen", "Jenny");
            nick("Abigail", "Abby");
            nick("Jacob", "Jake");
            nick("Joshua", "Josh");
            nick("Zachary", "Zach");
            nick("Rebecca", "Becky");
            nick("Victoria", "Vicky", "Tori");
            nick("Patricia", "Patty", "Trish");
            nick("Timothy", "Tim");
            nick("Stephanie", "Steph");
            nick("Jessica", "Jess");
            nick("Edward", "Ed", "Eddie", "Ted");
            nick("Richard", "Rick", "Rich");
            nick("Thomas", "Tom", "Tommy");
            nick("Andrew", "Andy", "Drew");
            nick("Charles", "Charlie");
            nick("Francisco", "Paco", "Pancho");
            nick("Eduardo", "Lalo");
            nick("Ignacio", "Nacho");
            nick("Roberto", "Beto");
            nick("Guillermo", "Memo");
            nick("Manuel", "Manny");
            nick("Dolores", "Lola");
            nick("Enrique", "Kike");
            nick("Giovanni", "Gio");
            nick("Muhammad", "Mohammed", "Mohamed");
            nick("Sophia", "Sofia");
            nick("Sofía", "Sophia");
            nick("Guadalupe", "Lupe");
            nick("José", "Pepe");
            nick("Samuel", "Sam");
            nick("Benjamin", "Ben");
            nick("Isabella", "Bella", "Izzy");
            nick("Gabriel", "Gabe");
            nick("Elijah", "Eli");
            nick("Charlotte", "Charlie");
            nick("Henry", "Hank", "Harry");
            nick("Olivia", "Liv");
            nick("Amelia", "Millie");
            nick("Anastasia", "Nastya");
            nick("Dmitri", "Dima");
            nick("James", "Jim", "Jimmy", "Jamie");
            nick("María", "Mary");
            nick("Zoë", "Zoey");
        }

        private static void nick(String name, String... short_) {
            NICKNAMES.put(name, List.of(short_));
        }

        private final int size;
        private final long seed;
        private final SplittableRandom rnd;
        private final List<String> given = new ArrayList<>();
        private final List<Person> persons = new ArrayList<>();
        private final List<String[]> campuses = new ArrayList<>(); // {sisId, oursKey, level}
        private final Map<Integer, List<Integer>> campusesByLevel = new HashMap<>();
        private final java.util.Set<String> identities = new java.util.HashSet<>();

        HardVariants(int size, long seed) {
            this.size = size;
            this.seed = seed;
            this.rnd = new SplittableRandom(seed ^ 0x5DEECE66DL);
            given.addAll(NameLists.GIVEN);
            given.addAll(EXTRA_GIVEN);
            // names with nicknames twice as likely, so that the nickname variant is well represented
            given.addAll(EXTRA_GIVEN);
        }

        private static final class Person {
            final int no;
            String given;
            String family;
            LocalDate birth;
            int grade;
            int campus;
            String identifier;
            String email;
            boolean onSis = true;
            boolean onOurs = true;
            /** Look-alikes: {other person's number, kind}. */
            final List<Object[]> alike = new ArrayList<>(1);

            Person(int no) {
                this.no = no;
            }
        }

        HardVariantSet build() {
            campuses();
            while (persons.size() < size) {
                if (rnd.nextInt(100) < 3 && persons.size() > 10) {
                    namesake();
                } else {
                    household();
                }
            }
            return sides();
        }

        private void campuses() {
            int elementary = Math.max(2, size / 900);
            int middle = Math.max(1, size / 1600);
            int high = Math.max(1, size / 2500);
            int no = 1;
            for (int level = 0; level < 3; level++) {
                int count = level == 0 ? elementary : level == 1 ? middle : high;
                for (int k = 0; k < count; k++) {
                    campuses.add(new String[] {String.format("hv-sch-%04d", no), String.format("hv-cp-%04d", no), String.valueOf(level)});
                    campusesByLevel.computeIfAbsent(level, l -> new ArrayList<>()).add(campuses.size() - 1);
                    no++;
                }
            }
        }

        private static int levelOf(int grade) {
            return grade <= 5 ? 0 : grade <= 8 ? 1 : 2;
        }

        private int campusFor(int grade, double neighbourhood) {
            List<Integer> options = campusesByLevel.get(levelOf(grade));
            return options.get(Math.min(options.size() - 1, (int) (neighbourhood * options.size())));
        }

        private LocalDate birthFor(int grade) {
            return LocalDate.of(2020 - grade, 9, 2).plusDays(rnd.nextInt(365));
        }

        private Person newPerson(String givenName, String family, int grade, double neighbourhood) {
            return newPerson(givenName, family, grade, neighbourhood, null);
        }

        /**
         * A person whose name and birth date no one else has (as in the demo district): two people
         * agreeing on both could only be told apart by chance, so the labels would not be fair.
         */
        private Person newPerson(String givenName, String family, int grade, double neighbourhood, LocalDate birth) {
            Person p = new Person(persons.size() + 1);
            p.given = givenName;
            p.family = family;
            p.grade = grade;
            p.birth = birth != null ? birth : birthFor(grade);
            while (!identities.add(identity(givenName, family, p.birth))) {
                if (birth != null) {
                    throw new IllegalStateException("twins with one name");
                }
                p.birth = birthFor(grade);
            }
            p.campus = campusFor(grade, neighbourhood);
            p.identifier = String.valueOf(300_000 + p.no);
            if (rnd.nextInt(100) < 90) {
                p.email = NameLists.ascii(givenName) + "." + NameLists.ascii(family) + "." + p.identifier + "@students.hv.example";
            }
            persons.add(p);
            return p;
        }

        private static String identity(String givenName, String family, LocalDate birth) {
            return NameLists.ascii(givenName) + ' ' + NameLists.ascii(family) + '|' + birth;
        }

        private String familyName() {
            int roll = rnd.nextInt(100);
            String first = NameLists.FAMILY.get(rnd.nextInt(NameLists.FAMILY.size()));
            if (roll < 74) {
                return first;
            }
            String second;
            do {
                second = NameLists.FAMILY.get(rnd.nextInt(NameLists.FAMILY.size()));
            } while (second.equals(first));
            return roll < 88 ? first + "-" + second : first + " " + second;
        }

        private String givenName() {
            return given.get(rnd.nextInt(given.size()));
        }

        private void household() {
            String family = familyName();
            double neighbourhood = rnd.nextDouble();
            int roll = rnd.nextInt(100);
            int children = roll < 50 ? 1 : roll < 82 ? 2 : 3;
            boolean[] taken = new boolean[GRADES.length];
            List<Person> kids = new ArrayList<>();
            for (int c = 0; c < children && persons.size() < size; c++) {
                int grade;
                do {
                    grade = rnd.nextInt(GRADES.length);
                } while (taken[grade]);
                taken[grade] = true;
                String name;
                do {
                    name = givenName();
                } while (sameOrNickname(name, kids));
                kids.add(newPerson(name, family, grade, neighbourhood));
            }
            if (rnd.nextInt(100) < 8 && persons.size() < size) {
                // twins: one birth date, grade and campus; clearly different given names
                Person first = kids.get(0);
                String name = null;
                for (int attempt = 0; attempt < 1000 && name == null; attempt++) {
                    String candidate = givenName();
                    if (!sameOrNickname(candidate, kids) && farApart(candidate, first.given)
                            && !identities.contains(identity(candidate, family, first.birth))) {
                        name = candidate;
                    }
                }
                if (name != null) {
                    Person twin = newPerson(name, family, first.grade, neighbourhood, first.birth);
                    twin.campus = first.campus;
                    first.alike.add(new Object[] {twin.no, "twin"});
                    twin.alike.add(new Object[] {first.no, "twin"});
                    if (rnd.nextBoolean()) {
                        (rnd.nextBoolean() ? first : twin).onOurs = false;
                    } else if (rnd.nextBoolean()) {
                        (rnd.nextBoolean() ? first : twin).onSis = false;
                    }
                    kids.add(twin);
                }
            }
            for (Person a : kids) {
                for (Person b : kids) {
                    if (a != b && !a.birth.equals(b.birth) && a.alike.stream().noneMatch(x -> (int) x[0] == b.no)) {
                        a.alike.add(new Object[] {b.no, "sibling"});
                    }
                }
            }
            for (Person k : kids) {
                presence(k);
            }
        }

        /** Same given and family name as someone else, another birth date; often only one of the two is on each side. */
        private void namesake() {
            Person original = persons.get(rnd.nextInt(persons.size()));
            int grade = rnd.nextBoolean() ? original.grade : rnd.nextInt(GRADES.length);
            Person p = newPerson(original.given, original.family, grade, rnd.nextDouble());
            original.alike.add(new Object[] {p.no, "namesake"});
            p.alike.add(new Object[] {original.no, "namesake"});
            if (rnd.nextBoolean() && original.onSis && original.onOurs) {
                original.onOurs = false;
                p.onSis = false;
            } else {
                presence(p);
            }
        }

        private void presence(Person p) {
            if (!p.onSis || !p.onOurs) {
                return;
            }
            int roll = rnd.nextInt(100);
            if (roll < 7) {
                p.onOurs = false;
            } else if (roll < 14) {
                p.onSis = false;
            }
        }

        private static boolean sameOrNickname(String name, List<Person> others) {
            for (Person o : others) {
                if (NameLists.ascii(o.given).equals(NameLists.ascii(name)) || related(o.given, name)) {
                    return true;
                }
            }
            return false;
        }

        /** Two names are related when one is a nickname of the other or both are nicknames of one name. */
        private static boolean related(String a, String b) {
            for (Map.Entry<String, List<String>> e : NICKNAMES.entrySet()) {
                boolean hasA = e.getKey().equals(a) || e.getValue().contains(a);
                boolean hasB = e.getKey().equals(b) || e.getValue().contains(b);
                if (hasA && hasB) {
                    return true;
                }
            }
            return false;
        }

        private static boolean farApart(String a, String b) {
            return distance(NameLists.ascii(a), NameLists.ascii(b)) >= 3;
        }

        private static int distance(String a, String b) {
            int[][] d = new int[a.length() + 1][b.length() + 1];
            for (int i = 0; i <= a.length(); i++) {
                d[i][0] = i;
            }
            for (int j = 0; j <= b.length(); j++) {
                d[0][j] = j;
            }
            for (int i = 1; i <= a.length(); i++) {
                for (int j = 1; j <= b.length(); j++) {
                    int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                    d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                    if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                    }
                }
            }
            return d[a.length()][b.length()];
        }

        // ------------------------------------------------------------------ the two sides

        private HardVariantSet build(List<RosterUser> sis, List<RosterUser> ours, List<TruePair> pairs, List<LookAlike> alike) {
            List<Org> sisOrgs = new ArrayList<>();
            List<Org> ourCampuses = new ArrayList<>();
            sisOrgs.add(new Org("hv-district", "hv-district", "Hard Variant District", Org.OrgType.DISTRICT, null, null,
                    RecordStatus.ACTIVE));
            for (String[] c : campuses) {
                String name = "Campus " + c[0].substring(7);
                sisOrgs.add(new Org(c[0], c[0], name, Org.OrgType.SCHOOL, null, "hv-district", RecordStatus.ACTIVE));
                ourCampuses.add(new Org(c[1], c[0], name, Org.OrgType.SCHOOL, null, null, RecordStatus.ACTIVE));
            }
            return new HardVariantSet(seed, sis, ours, sisOrgs, ourCampuses, pairs, alike);
        }

        private HardVariantSet sides() {
            int[] ourNumber = permutation(persons.size());
            List<RosterUser> sis = new ArrayList<>();
            List<RosterUser> ours = new ArrayList<>();
            List<TruePair> pairs = new ArrayList<>();
            String[] sisKey = new String[persons.size() + 1];
            String[] ourKey = new String[persons.size() + 1];
            for (Person p : persons) {
                if (p.onSis) {
                    sisKey[p.no] = String.format("hv-stu-%06d", p.no);
                    sis.add(new RosterUser(sisKey[p.no], sisKey[p.no], RoleType.STUDENT, p.identifier, p.given, p.family, p.email,
                            null, List.of(GRADES[p.grade]), List.of(campuses.get(p.campus)[0]), List.of(), p.birth, true,
                            RecordStatus.ACTIVE, null));
                }
                if (p.onOurs) {
                    ourKey[p.no] = String.format("hv-bk-%06d", ourNumber[p.no - 1] + 1);
                    List<String> variants = new ArrayList<>();
                    ours.add(ourCopy(p, ourKey[p.no], variants));
                    if (p.onSis) {
                        pairs.add(new TruePair(sisKey[p.no], ourKey[p.no], List.copyOf(variants)));
                    }
                }
            }
            ours.sort((a, b) -> a.sourcedId().compareTo(b.sourcedId()));
            List<LookAlike> alike = new ArrayList<>();
            for (Person p : persons) {
                for (Object[] other : p.alike) {
                    int o = (int) other[0];
                    if (sisKey[p.no] != null && ourKey[o] != null) {
                        alike.add(new LookAlike((String) other[1], sisKey[p.no], ourKey[o]));
                    }
                }
            }
            return build(sis, ours, pairs, alike);
        }

        private RosterUser ourCopy(Person p, String key, List<String> variants) {
            String g = p.given;
            String f = p.family;
            LocalDate birth = p.birth;
            int grade = p.grade;
            int campus = p.campus;
            int roll = rnd.nextInt(100);
            int count = roll < 30 ? 0 : roll < 75 ? 1 : 2;
            List<String> kinds = new ArrayList<>(List.of("given-typo", "family-typo", "nickname", "accents-dropped",
                    "hyphen-changed", "compound-shortened", "names-swapped", "day-month-swapped", "birth-off-by-one",
                    "capitals"));
            for (int k = 0; k < count && !kinds.isEmpty(); ) {
                String kind = kinds.remove(rnd.nextInt(kinds.size()));
                String[] names = {g, f};
                LocalDate[] date = {birth};
                if (apply(kind, names, date)) {
                    g = names[0];
                    f = names[1];
                    birth = date[0];
                    variants.add(kind);
                    k++;
                }
            }
            if (rnd.nextInt(100) < 8) {
                grade = Math.min(GRADES.length - 1, grade + 1);
                if (grade != p.grade) {
                    variants.add("grade-changed");
                }
            }
            if (rnd.nextInt(100) < 8) {
                List<Integer> options = campusesByLevel.get(levelOf(grade));
                int other = options.get(rnd.nextInt(options.size()));
                if (other != campus) {
                    campus = other;
                    variants.add("campus-changed");
                }
            }
            String sisId = rnd.nextInt(100) < 40 ? String.format("hv-old-%06d", p.no) : null;
            String number;
            int idRoll = rnd.nextInt(100);
            if (idRoll < 25) {
                number = switch (rnd.nextInt(3)) {
                    case 0 -> p.identifier;
                    case 1 -> "00" + p.identifier;
                    default -> p.identifier.substring(0, 3) + " " + p.identifier.substring(3);
                };
            } else if (idRoll < 60) {
                number = null;
            } else {
                number = String.valueOf(700_000 + rnd.nextInt(299_999));
                variants.add("new-student-number");
            }
            String email;
            int emailRoll = rnd.nextInt(100);
            if (p.email == null || emailRoll < 35) {
                email = null;
            } else if (emailRoll < 85) {
                email = p.email;
            } else {
                email = "s" + rnd.nextInt(1_000_000) + "@mail.hv.example";
            }
            return new RosterUser(key, sisId, RoleType.STUDENT, number, g, f, email, null, List.of(GRADES[grade]),
                    List.of(campuses.get(campus)[1]), List.of(), birth, true, RecordStatus.ACTIVE, null);
        }

        /** Applies one variant when it fits the person; false when it does not (a name without accents...). */
        private boolean apply(String kind, String[] names, LocalDate[] birth) {
            switch (kind) {
                case "given-typo" -> {
                    String t = typo(names[0]);
                    if (t == null) {
                        return false;
                    }
                    names[0] = t;
                }
                case "family-typo" -> {
                    String t = typo(names[1]);
                    if (t == null) {
                        return false;
                    }
                    names[1] = t;
                }
                case "nickname" -> {
                    List<String> options = NICKNAMES.get(names[0]);
                    if (options == null) {
                        return false;
                    }
                    names[0] = options.get(rnd.nextInt(options.size()));
                }
                case "accents-dropped" -> {
                    String g = plain(names[0]);
                    String f = plain(names[1]);
                    if (g.equals(names[0]) && f.equals(names[1])) {
                        return false;
                    }
                    names[0] = g;
                    names[1] = f;
                }
                case "hyphen-changed" -> {
                    if (names[1].contains("-")) {
                        names[1] = rnd.nextBoolean() ? names[1].replace('-', ' ') : names[1].replace("-", "");
                    } else if (names[1].contains(" ")) {
                        names[1] = names[1].replace(' ', '-');
                    } else if (names[1].contains("'")) {
                        names[1] = names[1].replace("'", "");
                    } else {
                        return false;
                    }
                }
                case "compound-shortened" -> {
                    int cut = Math.max(names[1].indexOf('-'), names[1].lastIndexOf(' '));
                    if (cut <= 0 || names[1].startsWith("de la ") || names[1].startsWith("Van der ") || names[1].startsWith("De ")
                            || names[1].startsWith("St. ")) {
                        return false;
                    }
                    names[1] = rnd.nextBoolean() ? names[1].substring(0, cut) : names[1].substring(cut + 1);
                }
                case "names-swapped" -> {
                    String t = names[0];
                    names[0] = names[1];
                    names[1] = t;
                }
                case "day-month-swapped" -> {
                    LocalDate d = birth[0];
                    if (d.getDayOfMonth() > 12 || d.getDayOfMonth() == d.getMonthValue()) {
                        return false;
                    }
                    birth[0] = LocalDate.of(d.getYear(), d.getDayOfMonth(), d.getMonthValue());
                }
                case "birth-off-by-one" -> birth[0] = rnd.nextBoolean() ? birth[0].plusDays(rnd.nextBoolean() ? 1 : -1)
                        : birth[0].plusYears(rnd.nextBoolean() ? 1 : -1);
                case "capitals" -> {
                    names[0] = names[0].toUpperCase(Locale.ROOT);
                    names[1] = names[1].toUpperCase(Locale.ROOT);
                }
                default -> throw new IllegalStateException(kind);
            }
            return true;
        }

        /** One keyboard slip: a letter replaced, left out, doubled in, or two neighbours swapped. Names under 4 letters are left alone. */
        private String typo(String name) {
            if (name.length() < 4 || name.contains(" ")) {
                return null;
            }
            String letters = "abcdefghijklmnopqrstuvwxyz";
            StringBuilder b = new StringBuilder(name);
            int at = 1 + rnd.nextInt(name.length() - 1); // keep the first letter: it is the one a clerk gets right
            switch (rnd.nextInt(4)) {
                case 0 -> {
                    char c;
                    do {
                        c = letters.charAt(rnd.nextInt(26));
                    } while (c == Character.toLowerCase(b.charAt(at)));
                    b.setCharAt(at, c);
                }
                case 1 -> b.deleteCharAt(at);
                case 2 -> b.insert(at, letters.charAt(rnd.nextInt(26)));
                default -> {
                    if (at == name.length() - 1) {
                        at--;
                    }
                    if (at < 1 || b.charAt(at) == b.charAt(at + 1)) {
                        return null;
                    }
                    char c = b.charAt(at);
                    b.setCharAt(at, b.charAt(at + 1));
                    b.setCharAt(at + 1, c);
                }
            }
            String out = b.toString();
            return out.equals(name) ? null : out;
        }

        private static String plain(String text) {
            String d = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD);
            StringBuilder out = new StringBuilder(d.length());
            for (int i = 0; i < d.length(); i++) {
                char c = d.charAt(i);
                if (Character.getType(c) != Character.NON_SPACING_MARK) {
                    out.append(c);
                }
            }
            return out.toString();
        }

        private int[] permutation(int n) {
            int[] p = new int[n];
            for (int i = 0; i < n; i++) {
                p[i] = i;
            }
            for (int i = n - 1; i > 0; i--) {
                int j = rnd.nextInt(i + 1);
                int t = p[i];
                p[i] = p[j];
                p[j] = t;
            }
            return p;
        }
    }
}
