package io.mastersync.match;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StreetAddressTest {

    private final FieldComparator address = Comparators.create("address");

    @Test
    void abbreviatedAndSpelledOutStreetLinesAgreeExactly() {
        assertThat(address.similarity("37 West 47th Street", "37 W. 47th St")).isEqualTo(1.0);
        assertThat(address.similarity("2653 W Ogden Avenue", "2653 W. OGDEN AVE.")).isEqualTo(1.0);
        assertThat(address.similarity("1001 West Roosevelt Road", "1001 W Roosevelt Rd")).isEqualTo(1.0);
        assertThat(address.similarity("4647 W Washington Boulevard", "4647 W Washington Blvd")).isEqualTo(1.0);
        // plain Jaro-Winkler leaves these at the second level or below
        assertThat(Comparators.create("jaro-winkler").similarity("37 West 47th Street", "37 W. 47th St"))
                .isLessThan(0.92);
    }

    @Test
    void differentHouseNumbersOnOneStreetDisagree() {
        assertThat(address.similarity("2820 N Leavitt St", "2905 N Leavitt St")).isEqualTo(0.0);
        assertThat(Comparators.create("jaro-winkler").similarity("2820 N Leavitt St", "2905 N Leavitt St"))
                .isGreaterThan(0.80);
    }

    @Test
    void aHouseNumberAtTheEndOfTheLineCountsToo() {
        // German, Austrian, Dutch... street lines: the number comes last
        assertThat(address.similarity("Obere Str. 57", "Obere Str. 58")).isEqualTo(0.0);
        assertThat(address.similarity("Hauptstrasse 12 a", "Hauptstrasse 14")).isEqualTo(0.0);
        assertThat(address.similarity("Obere Str. 57", "Obere Str 57")).isEqualTo(1.0);
        assertThat(address.similarity("Hauptstrasse 12 a", "Hauptstrasse 12a")).isGreaterThan(0.92);
        assertThat(address.similarity("57 Obere Str", "Obere Str 57")).as("one number, written first or last")
                .isGreaterThan(0.0);
        assertThat(address.similarity("Route 66", "Route 66")).isEqualTo(1.0);
    }

    @Test
    void houseNumberComparedByItsDigits() {
        // leading zeros are no disagreement
        assertThat(address.similarity("012 Main St", "12 Main Street")).isGreaterThan(0.92);
        assertThat(address.similarity("12a Main St", "12 Main St")).isGreaterThan(0.92);
        assertThat(address.similarity("12-14 Main St", "12 Main St")).isGreaterThan(0.80);
    }

    @Test
    void aLineWithoutHouseNumberIsComparedAsText() {
        assertThat(address.similarity("Main Street", "12 Main St")).isGreaterThan(0.0);
        assertThat(address.similarity("PO Box 17", "PO Box 17")).isEqualTo(1.0);
    }

    @Test
    void houseKeyIsTheHouseNumberAndTheFirstWordOfTheStreet() {
        assertThat(StreetAddress.houseKey(Text.normalize("3701 W. Ogden Ave"))).isEqualTo("3701 ogden");
        assertThat(StreetAddress.houseKey(Text.normalize("3701 West Ogden"))).isEqualTo("3701 ogden");
        assertThat(StreetAddress.houseKey(Text.normalize("37 W 47th Street"))).isEqualTo("37 47th");
        assertThat(StreetAddress.houseKey(Text.normalize("Dorfstraße 164"))).isEqualTo("164 dorfstraße");
        assertThat(StreetAddress.houseKey(Text.normalize("1900 West Van Buren Street 1608"))).isEqualTo("1900 van");
        assertThat(StreetAddress.houseKey(Text.normalize("12a Main St"))).isEqualTo("12 main");
        assertThat(StreetAddress.houseKey(Text.normalize("Main Street"))).isNull();
    }

    @Test
    void keyPartWithTokenHouseBlocksTwoSpellingsOfOneBuilding() {
        KeyPart house = new KeyPart("street-1", 0, KeyPart.Token.HOUSE, false, java.util.Set.of());
        MatchRecord a = new MatchRecord("s", "1", java.util.Map.of("street-1", "2653 W. Ogden Ave."));
        MatchRecord b = new MatchRecord("s", "2", java.util.Map.of("street-1", "2653 West Ogden Avenue"));
        MatchRecord c = new MatchRecord("s", "3", java.util.Map.of("street-1", "2905 N Ogden Ave"));
        MatchRecord none = new MatchRecord("s", "4", java.util.Map.of("street-1", "Ogden Ave"));
        assertThat(house.keys(a)).containsExactly("2653 ogden").isEqualTo(house.keys(b));
        assertThat(house.keys(c)).containsExactly("2905 ogden");
        assertThat(house.keys(none)).isEmpty();
    }

    @Test
    void missingOrEmptyLinesAreNotCompared() {
        assertThat(address.similarity(null, "12 Main St")).isNull();
        assertThat(address.similarity("--", "12 Main St")).isNull();
    }

    @Test
    void preparedComparisonEqualsDirectComparison() {
        Object a = address.prepare("2905 North Leavitt Street");
        Object b = address.prepare("2905 N. Leavitt");
        assertThat(address.comparePrepared(a, b)).isEqualTo(address.similarity("2905 North Leavitt Street",
                "2905 N. Leavitt"));
    }
}
