package com.bookmarked.cdt.tool.studentmismatch;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Given names that stand for one another: common English nicknames, Spanish hypocorisms and a few
 * other short forms rosters are full of, and spelling variants of one name. Translations of a name
 * (Diego, Santiago and James; Juan and John) are left out on purpose: they are different names in
 * a roster, and treating them as one would pair siblings and classmates. A name can belong to
 * several groups ("Alex" is Alexander, Alexandra and Alejandro), so a name maps to group numbers
 * and two names are equivalent when their groups meet. Names are folded (lower-case ASCII).
 */
final class Nicknames {

    private static final String[][] GROUPS = {
            {"william", "bill", "billy", "will", "willy", "liam"},
            {"robert", "bob", "bobby", "rob", "robbie", "bert"},
            {"elizabeth", "liz", "lizzie", "lizzy", "beth", "betsy", "betty", "eliza", "libby"},
            {"katherine", "catherine", "kathryn", "katharine", "kate", "katie", "kathy", "cathy", "kat", "kitty"},
            {"margaret", "maggie", "meg", "peggy", "margie", "greta"},
            {"alexander", "alex", "xander", "sasha", "aleksandr", "alexandre"},
            {"alexandra", "alex", "lexi", "sasha", "sandra"},
            {"alejandro", "alex", "ale"},
            {"alejandra", "ale"},
            {"christopher", "chris", "topher", "kit"},
            {"christina", "christine", "chris", "tina"},
            {"christian", "chris"},
            {"nicholas", "nicolas", "nick", "nicky", "nico"},
            {"nikolaos", "nikos"},
            {"nicole", "nikki"},
            {"michael", "mike", "mikey", "mick"},
            {"mikhail", "misha"},
            {"jonathan", "jon", "jonny"},
            {"john", "jack", "johnny", "jon"},
            {"james", "jim", "jimmy", "jamie"},
            {"joseph", "joe", "joey"},
            {"jose", "pepe", "chepe"},
            {"josephine", "josie", "jo"},
            {"benjamin", "ben", "benny", "benji"},
            {"samuel", "sam", "sammy"},
            {"samantha", "sam", "sammy"},
            {"daniel", "dan", "danny"},
            {"danielle", "dani"},
            {"matthew", "matt"},
            {"andrew", "andy", "drew"},
            {"anthony", "tony"},
            {"antonio", "tony", "toni", "tono"},
            {"thomas", "tom", "tommy"},
            {"richard", "rick", "ricky", "rich", "dick"},
            {"ricardo", "ricky", "rica"},
            {"edward", "ed", "eddie", "ted", "ned"},
            {"eduardo", "lalo"},
            {"henry", "hank", "harry"},
            {"enrique", "kike"},
            {"charles", "charlie", "chuck"},
            {"charlotte", "charlie", "lottie"},
            {"abigail", "abby", "abbie"},
            {"isabella", "isabel", "bella", "izzy", "isa", "isabelle"},
            {"olivia", "liv", "livvy"},
            {"amelia", "millie"},
            {"eleanor", "ellie", "nora"},
            {"helen", "helene", "elena"},
            {"gabriel", "gabe", "gabi"},
            {"gabriella", "gabrielle", "gabby", "gabi"},
            {"elijah", "eli"},
            {"elias", "eli"},
            {"isaac", "ike"},
            {"zachary", "zach", "zack"},
            {"jacob", "jake", "yaakov"},
            {"joshua", "josh"},
            {"timothy", "tim", "timmy"},
            {"patrick", "pat", "paddy"},
            {"patricia", "pat", "patty", "trish"},
            {"jennifer", "jen", "jenny"},
            {"jessica", "jess", "jessie"},
            {"rebecca", "becky", "becca"},
            {"victoria", "vicky", "tori"},
            {"stephanie", "steph"},
            {"steven", "stephen", "steve"},
            {"susan", "sue", "suzy"},
            {"francisco", "paco", "pancho", "frank"},
            {"francis", "frank"},
            {"frances", "fran"},
            {"guadalupe", "lupe", "lupita"},
            {"jesus", "chuy"},
            {"ignacio", "nacho"},
            {"roberto", "beto"},
            {"alberto", "beto", "albert", "al"},
            {"guillermo", "memo"},
            {"manuel", "manny", "manolo"},
            {"dolores", "lola"},
            {"rosario", "charo"},
            {"maria", "mari", "mary", "marie"},
            {"mariam", "maryam"},
            {"anastasia", "nastya", "stacy", "stacey"},
            {"dmitri", "dmitry", "dima", "mitya"},
            {"ekaterina", "katya"},
            {"yaroslav", "slava"},
            {"olena", "lena"},
            {"konstantinos", "kostas"},
            {"giovanni", "gio", "gianni"},
            {"giuseppe", "beppe", "peppe"},
            {"muhammad", "mohammed", "mohamed", "mohammad", "mo"},
            {"abdirahman", "abdi"},
            {"oluwaseun", "seun"},
            {"sofia", "sophia", "sofie", "sophie"},
            {"zoe", "zoey"},
            {"hannah", "hanna"},
            {"sarah", "sara"},
            {"raphael", "rafael", "rafa"},
            {"julian", "jules", "julien"},
            {"lucia", "lucy", "lucie"},
            {"ines", "agnes"},
    };

    private static final int[] NONE = new int[0];
    private static final Map<String, int[]> GROUPS_OF = new HashMap<>();

    static {
        for (int g = 0; g < GROUPS.length; g++) {
            for (String name : GROUPS[g]) {
                int[] known = GROUPS_OF.getOrDefault(name, NONE);
                int[] more = Arrays.copyOf(known, known.length + 1);
                more[known.length] = g;
                GROUPS_OF.put(name, more);
            }
        }
    }

    private Nicknames() {
    }

    /** The groups of a folded name, sorted; empty when the table does not know it. */
    static int[] groupsOf(String folded) {
        return GROUPS_OF.getOrDefault(folded, NONE);
    }

    /** Whether {@code typed} is one slip away from a name of one of the groups (a nickname typed with a typo). */
    static boolean slipOf(String typed, int[] groups) {
        for (int g : groups) {
            for (String name : GROUPS[g]) {
                if (Comparison.typo(typed, name)) {
                    return true;
                }
            }
        }
        return false;
    }

    static boolean equivalent(int[] a, int[] b) {
        for (int x : a) {
            for (int y : b) {
                if (x == y) {
                    return true;
                }
            }
        }
        return false;
    }
}
