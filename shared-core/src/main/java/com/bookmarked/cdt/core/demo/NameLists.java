package com.bookmarked.cdt.core.demo;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

/**
 * Synthetic names for the demo district. The lists mix many origins on purpose (accents,
 * apostrophes, particles, Vietnamese diacritics) so that matching and CSV handling are exercised
 * the way real rosters exercise them. No list entry refers to a real person.
 */
final class NameLists {

    static final List<String> GIVEN = List.of(
            "Emma", "Liam", "Olivia", "Noah", "Ava", "Mateo", "Sofía", "Santiago", "Valentina", "Camila",
            "Diego", "Lucía", "José", "María", "Juan", "Ximena", "Zoë", "Chloé", "Renée", "Noé",
            "Élodie", "Anaïs", "Léa", "Hélène", "Søren", "Björn", "Åsa", "Jürgen", "Zoltán", "Maëlle",
            "Aaliyah", "Amara", "Chidi", "Ngozi", "Kwame", "Abena", "Oluwaseun", "Fatima", "Omar", "Yusuf",
            "Aisha", "Layla", "Hamza", "Mariam", "Zainab", "Ibrahim", "Amina", "Hodan", "Abdirahman", "Minh",
            "Linh", "Hương", "Quang", "Thảo", "Bảo", "Wei", "Jing", "Hao", "Mei", "Yichen",
            "Zihan", "Ji-woo", "Min-jun", "Seo-yeon", "Ha-eun", "Haruto", "Yui", "Sakura", "Ren", "Aarav",
            "Ananya", "Priya", "Rohan", "Diya", "Ishaan", "Saanvi", "Arjun", "Tala", "Kai", "Nalani",
            "Keanu", "Zofia", "Mikołaj", "Łucja", "Dušan", "Milena", "Siobhán", "Niamh", "Seán", "Aoife",
            "Ciarán", "Isabella", "Ethan", "Mia", "Lucas", "Harper", "Elijah", "Amelia", "James", "Evelyn",
            "Benjamin", "Charlotte", "Henry", "Grace", "Jack", "Nora", "Samuel", "Hazel", "Owen", "Stella",
            "Caleb", "Maya", "Gabriel", "Ruby", "Isaac", "Iris", "Elias", "Jonah", "Leah", "Julian",
            "Naomi", "Malik", "Imani", "Jamal", "Keisha", "DeShawn", "Tatiana", "Andrés", "Joaquín", "Martín",
            "Inés", "Guadalupe", "Rocío", "Dmitri", "Anastasia", "Yaroslav", "Olena", "François", "Amélie", "Raphaël",
            "Mary-Kate", "Jean-Luc", "Anne-Marie", "Ayşe", "Emre", "Elif", "Mehmet", "Nikolaos", "Eleni", "Thandiwe");

    static final List<String> FAMILY = List.of(
            "Smith", "Johnson", "Williams", "Brown", "Jones", "García", "Martínez", "Rodríguez", "Hernández", "López",
            "González", "Pérez", "Sánchez", "Ramírez", "Torres", "Flores", "Rivera", "Gómez", "Díaz", "Reyes",
            "Cruz", "Morales", "Ortiz", "Gutiérrez", "Chávez", "Ramos", "Ruiz", "Álvarez", "Mendoza", "Castillo",
            "Jiménez", "Vásquez", "Núñez", "Peña", "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Đặng",
            "Võ", "Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu",
            "Zhou", "Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Patel", "Shah", "Singh",
            "Kumar", "Gupta", "Reddy", "Iyer", "Khan", "Ali", "Ahmed", "Hassan", "Hussein", "Mohamed",
            "Abdi", "Warsame", "Okafor", "Adeyemi", "Mensah", "Owusu", "Diallo", "Traoré", "Nakamura", "Tanaka",
            "Sato", "Suzuki", "Müller", "Schröder", "Weiß", "Łukasiewicz", "Kowalski", "Nowak", "Wiśniewski", "Dvořák",
            "Novák", "Horváth", "O'Brien", "O'Connor", "McCarthy", "Murphy", "Johansson", "Søndergaard", "Andersson", "Lindqvist",
            "Rossi", "Russo", "Esposito", "Bianchi", "Ferreira", "Silva", "Santos", "Oliveira", "Costa", "Pereira",
            "Dubois", "Lefèvre", "Fontaine", "Girard", "Côté", "Bouchard", "Gagnon", "Tremblay", "Thompson", "Washington",
            "Jackson", "White", "Harris", "Clark", "Lewis", "Walker", "Young", "Allen", "King", "Wright",
            "Scott", "Green", "Baker", "Adams", "Nelson", "Hill", "Campbell", "Mitchell", "Roberts", "Carter",
            "Begay", "Yazzie", "Tsosie", "Kealoha", "Kahananui", "de la Cruz", "Van der Berg", "De Jesús", "St. Pierre", "Yılmaz",
            "Papadopoulos", "Öztürk", "Dlamini", "Nkosi", "Haddad", "Nasser", "Cohen", "Levi", "Friedman", "Abara");

    /** Words that name schools: "Cedar Ridge Elementary School". 30 x 20 combinations per kind. */
    static final List<String> PLACE_FIRST = List.of(
            "Cedar", "Maple", "Willow", "Aspen", "Juniper", "Sycamore", "Magnolia", "Cypress", "Redwood", "Birch",
            "Alder", "Laurel", "Sequoia", "Hawthorn", "Linden", "Sierra", "Mesa", "Canyon", "Prairie", "Harbor",
            "Meadow", "Summit", "Lakeview", "Riverside", "Brookside", "Hillcrest", "Fairview", "Sunnyside", "Pinecrest", "Clearwater");
    static final List<String> PLACE_SECOND = List.of(
            "Ridge", "Valley", "Park", "Grove", "Creek", "Heights", "Hills", "Springs", "Point", "Crossing",
            "Trail", "Glen", "Vista", "Falls", "Bluff", "Landing", "Hollow", "Bay", "Field", "Terrace");

    /** Reserved (RFC 2606 / RFC 6761) domains only, so that no demo address can reach anyone. */
    static final List<String> GUARDIAN_DOMAINS = List.of(
            "mail.example", "inbox.example", "post.example", "correo.example", "familia.example", "home.example");
    static final String STAFF_DOMAIN = "demo-usd.example";
    static final String STUDENT_DOMAIN = "students.demo-usd.example";
    static final String OTHER_CUSTOMER_DOMAIN = "othermail.example";

    private NameLists() {
    }

    /** Lower-case ASCII letters and digits only: "Nguyễn" becomes "nguyen", "O'Brien" "obrien". */
    static String ascii(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            char lower = Character.toLowerCase(c);
            if (lower == 'đ') {
                out.append('d');
            } else if (lower == 'ł') {
                out.append('l');
            } else if (lower == 'ø') {
                out.append('o');
            } else if (lower == 'ß') {
                out.append("ss");
            } else if (lower == 'ı') {
                out.append('i');
            } else if ((lower >= 'a' && lower <= 'z') || (lower >= '0' && lower <= '9')) {
                out.append(lower);
            }
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }
}
