package io.mastersync.bench;

import java.text.Normalizer;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Generates a customer master CSV for benchmarks: persons and companies from Germany, France, the US
 * and the UK with plausible names, VAT ids, e-mail addresses, phone numbers in mixed national and
 * international formats, addresses, credit limits and currencies. About 140 bytes per row.
 *
 * <p>Near-duplicates get a new customer number and one or more of: a typo in the name, given and family
 * name swapped, another street number, the phone number in another format. Dirty rows have a bad e-mail
 * address, the unknown country {@code XX} or an empty name.
 */
public final class CustomerCsvGenerator extends BenchCsvGenerator<CustomerCsvGenerator.Row> {

    public static final String HEADER = "customer_no,name,legal_form,vat_id,email,phone,street,postal_code,city,"
            + "country,credit_limit,currency";
    public static final int COLUMNS = 12;

    public CustomerCsvGenerator(long seed, double duplicates, double dirty) {
        super(seed, duplicates, dirty);
    }

    @Override
    protected String header() {
        return HEADER;
    }

    @Override
    protected String key(long row) {
        return "C" + zeroPadded(row + 1, 9);
    }

    /** One customer before rendering. Mutable only while a near-duplicate is made. */
    static final class Row {
        long row;
        Country country;
        City city;
        boolean person;
        String given;
        String family;
        String company;
        String name; // rendered name, set once a duplicate changes it
        String legalForm;
        String vatId;
        String email;
        String phoneArea;
        String phoneSubscriber;
        int phoneFormat;
        String streetName;
        int houseNumber;
        String houseSuffix;
        String suite;
        String postalCode;
        String creditLimit;
        String currency;

        Row copy() {
            Row r = new Row();
            r.row = row;
            r.country = country;
            r.city = city;
            r.person = person;
            r.given = given;
            r.family = family;
            r.company = company;
            r.name = name;
            r.legalForm = legalForm;
            r.vatId = vatId;
            r.email = email;
            r.phoneArea = phoneArea;
            r.phoneSubscriber = phoneSubscriber;
            r.phoneFormat = phoneFormat;
            r.streetName = streetName;
            r.houseNumber = houseNumber;
            r.houseSuffix = houseSuffix;
            r.suite = suite;
            r.postalCode = postalCode;
            r.creditLimit = creditLimit;
            r.currency = currency;
            return r;
        }
    }

    @Override
    protected Row create(long row, SplittableRandom random) {
        Row r = new Row();
        r.row = row;
        double c = random.nextDouble();
        r.country = c < 0.35 ? DE : c < 0.55 ? FR : c < 0.80 ? US : GB;
        Country k = r.country;
        r.city = pick(random, k.cities);
        r.person = random.nextDouble() < 0.25;
        r.given = pick(random, k.given);
        r.family = pick(random, k.family);
        if (r.person) {
            r.legalForm = null;
            r.vatId = null;
            String local = ascii(r.given) + pick(random, new String[] {".", ".", "_", ""}) + ascii(r.family);
            // most people's addresses carry a number or a year: a million customers do not share a few
            // thousand addresses (a customer master holds a few percent of shared addresses, not most)
            int tag = random.nextInt(10);
            String suffix = tag == 0 ? "" : tag < 4 ? String.valueOf(1950 + random.nextInt(56))
                    : String.valueOf(1 + random.nextInt(9999));
            r.email = local + suffix + "@" + pick(random, k.mailDomains);
            r.creditLimit = random.nextInt(5) == 0 ? null : (500 + 100 * random.nextInt(46)) + ".00";
        } else {
            r.company = companyName(k, r.family, random);
            r.legalForm = pick(random, k.legalForms);
            r.vatId = k.vatPrefix == null || random.nextInt(10) == 0 ? null : vatId(k, random);
            String slug = slug(r.company);
            // firms of the same name in different cities have their own domains
            String domain = random.nextInt(10) == 0 ? slug : slug + "-" + slug(r.city.name());
            r.email = pick(random, k.mailboxes) + "@" + domain + k.tld;
            int magnitude = random.nextInt(3);
            long limit = magnitude == 0 ? 1000 + 500L * random.nextInt(19)
                    : magnitude == 1 ? 10_000 + 1000L * random.nextInt(90) : 100_000 + 5000L * random.nextInt(80);
            r.creditLimit = limit + ".00";
        }
        r.currency = !r.person && random.nextInt(30) == 0 ? k.foreignCurrency : k.currency;
        r.phoneArea = r.city.phoneArea;
        r.phoneSubscriber = digitsNoLeadingZero(random, r.city.subscriberDigits);
        r.phoneFormat = random.nextInt(PHONE_FORMATS);
        r.streetName = pick(random, k.streets);
        r.houseNumber = 1 + random.nextInt(k.maxHouseNumber);
        r.houseSuffix = random.nextInt(12) == 0 ? k.houseSuffix : "";
        r.suite = k == US && random.nextInt(4) == 0 ? "Suite " + (100 + random.nextInt(900)) : null;
        r.postalCode = postalCode(k, r.city, random);
        return r;
    }

    @Override
    protected Row nearDuplicate(Row original, long row, SplittableRandom random) {
        Row r = original.copy();
        r.row = row;
        boolean changed = false;
        if (r.person && random.nextInt(3) == 0) {
            r.name = random.nextBoolean() ? r.family + " " + r.given : r.family + ", " + r.given;
            changed = true;
        }
        if (random.nextInt(10) < 6) {
            r.name = typo(name(r), random);
            changed = true;
        }
        if (random.nextInt(10) < 4) {
            int delta = 1 + random.nextInt(4);
            r.houseNumber = r.houseNumber > delta && random.nextBoolean() ? r.houseNumber - delta : r.houseNumber + delta;
            changed = true;
        }
        if (!changed || random.nextBoolean()) {
            r.phoneFormat = (r.phoneFormat + 1 + random.nextInt(PHONE_FORMATS - 1)) % PHONE_FORMATS;
        }
        return r;
    }

    @Override
    protected String[] render(Row r) {
        return new String[] {key(r.row), name(r), r.legalForm, r.vatId, r.email, phone(r), street(r), r.postalCode,
                r.city.name, r.country.iso, r.creditLimit, r.currency};
    }

    @Override
    protected void spoil(String[] values, SplittableRandom random) {
        switch (random.nextInt(3)) {
            case 0:
                values[4] = badEmail(values[4], random);
                break;
            case 1:
                values[9] = "XX";
                break;
            default:
                values[1] = null;
                break;
        }
    }

    private static String badEmail(String email, SplittableRandom random) {
        int at = email.indexOf('@');
        switch (random.nextInt(3)) {
            case 0:
                return email.substring(0, at) + "." + email.substring(at + 1); // no @
            case 1:
                return email.substring(0, email.indexOf('.', at)); // no dot in the domain
            default:
                return email.substring(0, at) + " " + email.substring(at); // a blank in the local part
        }
    }

    private static String name(Row r) {
        if (r.name != null) {
            return r.name;
        }
        return r.person ? r.given + " " + r.family : r.company;
    }

    private static String street(Row r) {
        String number = r.houseNumber + r.houseSuffix;
        String line = r.country.numberFirst ? number + " " + r.streetName : r.streetName + " " + number;
        return r.suite == null ? line : line + ", " + r.suite;
    }

    static final int PHONE_FORMATS = 6;

    /** The same number in one of six styles people type. */
    private static String phone(Row r) {
        Country k = r.country;
        String area = r.phoneArea;
        String sub = r.phoneSubscriber;
        String grouped = k.group(sub);
        switch (r.phoneFormat) {
            case 0:
                return "+" + k.callingCode + " " + area + " " + grouped;
            case 1:
                return k == US ? "(" + area + ") " + sub.substring(0, 3) + "-" + sub.substring(3) : "0" + area + " " + grouped;
            case 2:
                if (k == US) {
                    return area + "-" + sub.substring(0, 3) + "-" + sub.substring(3);
                }
                return k == FR ? "0" + area + "." + grouped.replace(' ', '.') : k == GB ? "(0" + area + ") " + grouped
                        : "0" + area + "/" + sub;
            case 3:
                return k == US ? area + "." + sub.substring(0, 3) + "." + sub.substring(3)
                        : "+" + k.callingCode + " (0)" + area + " " + grouped;
            case 4:
                return k == US ? "1-" + area + "-" + sub.substring(0, 3) + "-" + sub.substring(3)
                        : "00" + k.callingCode + " " + area + " " + grouped;
            default:
                return "+" + k.callingCode + area + sub;
        }
    }

    private static String companyName(Country k, String family, SplittableRandom random) {
        switch (random.nextInt(7)) {
            case 0:
            case 1:
                return family + " " + pick(random, k.trades);
            case 2:
                return family + " & " + pick(random, k.family);
            case 3:
                return family + ", " + pick(random, k.family) + " & " + k.partners;
            case 4:
                return pick(random, k.brandWords) + " " + pick(random, k.trades);
            default: // 5, 6
                return pick(random, k.brandWords) + " " + family + " " + pick(random, k.trades);
        }
    }

    private static String vatId(Country k, SplittableRandom random) {
        return k == FR ? "FR" + digits(random, 2) + digitsNoLeadingZero(random, 9)
                : k.vatPrefix + digitsNoLeadingZero(random, 9);
    }

    private static String postalCode(Country k, City city, SplittableRandom random) {
        if (k == GB) {
            return city.postal[random.nextInt(city.postal.length)] + " " + random.nextInt(10)
                    + UK_INCODE.charAt(random.nextInt(UK_INCODE.length()))
                    + UK_INCODE.charAt(random.nextInt(UK_INCODE.length()));
        }
        String prefix = city.postal[random.nextInt(city.postal.length)];
        String code = prefix + digits(random, 5 - prefix.length());
        return k == US && random.nextInt(10) == 0 ? code + "-" + digits(random, 4) : code;
    }

    private static final String UK_INCODE = "ABDEFGHJLNPQRSTUWXYZ";

    /** {@code Müller & Söhne} to {@code mueller-soehne}. */
    static String slug(String text) {
        String a = ascii(text);
        StringBuilder sb = new StringBuilder(a.length());
        boolean dash = false;
        for (int i = 0; i < a.length() && sb.length() < 40; i++) {
            char ch = a.charAt(i);
            if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')) {
                if (dash && sb.length() > 0) {
                    sb.append('-');
                }
                sb.append(ch);
                dash = false;
            } else {
                dash = true;
            }
        }
        return sb.toString();
    }

    /** Lower case ASCII: German umlauts transcribed, other accents dropped, apostrophes removed. */
    static String ascii(String text) {
        String s = text.toLowerCase(Locale.ROOT).replace("ä", "ae").replace("ö", "oe").replace("ü", "ue")
                .replace("ß", "ss").replace("'", "").replace(" ", "");
        boolean plain = true;
        for (int i = 0; i < s.length() && plain; i++) {
            plain = s.charAt(i) < 128;
        }
        if (plain) {
            return s;
        }
        return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }

    // ---- built-in reference data ----

    record City(String name, String[] postal, String phoneArea, int subscriberDigits) {
    }

    static final class Country {
        final String iso;
        final String callingCode;
        final String currency;
        final String foreignCurrency;
        final String vatPrefix;
        final String tld;
        final boolean numberFirst;
        final int maxHouseNumber;
        final String houseSuffix;
        final String partners;
        final City[] cities;
        final String[] given;
        final String[] family;
        final String[] trades;
        final String[] brandWords;
        final String[] legalForms;
        final String[] streets;
        final String[] mailDomains;
        final String[] mailboxes;

        Country(String iso, String callingCode, String currency, String foreignCurrency, String vatPrefix, String tld,
                boolean numberFirst, int maxHouseNumber, String houseSuffix, String partners, City[] cities,
                String[] given, String[] family, String[] trades, String[] brandWords, String[] legalForms,
                String[] streets, String[] mailDomains, String[] mailboxes) {
            this.iso = iso;
            this.callingCode = callingCode;
            this.currency = currency;
            this.foreignCurrency = foreignCurrency;
            this.vatPrefix = vatPrefix;
            this.tld = tld;
            this.numberFirst = numberFirst;
            this.maxHouseNumber = maxHouseNumber;
            this.houseSuffix = houseSuffix;
            this.partners = partners;
            this.cities = cities;
            this.given = given;
            this.family = family;
            this.trades = trades;
            this.brandWords = brandWords;
            this.legalForms = legalForms;
            this.streets = streets;
            this.mailDomains = mailDomains;
            this.mailboxes = mailboxes;
        }

        /** The subscriber number grouped the national way. */
        String group(String sub) {
            switch (iso) {
                case "FR":
                    return sub.substring(0, 2) + " " + sub.substring(2, 4) + " " + sub.substring(4, 6) + " "
                            + sub.substring(6);
                case "US":
                    return sub.substring(0, 3) + " " + sub.substring(3);
                case "GB":
                    return sub.length() == 8 ? sub.substring(0, 4) + " " + sub.substring(4)
                            : sub.substring(0, 3) + " " + sub.substring(3);
                default:
                    return sub;
            }
        }
    }

    private static String[] a(String... values) {
        return values;
    }

    private static City city(String name, String phoneArea, int subscriberDigits, String... postal) {
        return new City(name, postal, phoneArea, subscriberDigits);
    }

    static final Country DE = new Country("DE", "49", "EUR", "CHF", "DE", ".de", false, 180, "a", "Partner",
            new City[] {city("Berlin", "30", 7, "10", "12", "13"), city("Hamburg", "40", 7, "20", "22"),
                city("München", "89", 7, "80", "81"), city("Köln", "221", 7, "50", "51"),
                city("Frankfurt am Main", "69", 7, "60"), city("Stuttgart", "711", 7, "70"),
                city("Düsseldorf", "211", 7, "40"), city("Leipzig", "341", 7, "04"), city("Dresden", "351", 7, "01"),
                city("Hannover", "511", 7, "30"), city("Nürnberg", "911", 7, "90"), city("Bremen", "421", 7, "28"),
                city("Essen", "201", 7, "45"), city("Münster", "251", 6, "48")},
            a("Anna", "Lukas", "Jürgen", "Sören", "Maria", "Thomas", "Sabine", "Michael", "Katrin", "Stefan", "Björn",
                "Ursula", "Klaus", "Petra", "Jörg", "Hannah", "Felix", "Monika", "Andreas", "Günter", "Claudia",
                "Matthias", "Birgit", "Tobias"),
            a("Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann",
                "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Schwarz",
                "Zimmermann", "Braun", "Krüger", "Hofmann", "Hartmann", "Lange", "Schmitt", "Werner", "Krause",
                "Meier", "Lehmann", "Köhler", "Herrmann", "König", "Walter", "Huber", "Kaiser", "Fuchs", "Peters",
                "Scholz", "Möller", "Weiß", "Jung", "Hahn", "Vogel", "Friedrich", "Keller", "Günther", "Berger"),
            a("Bürobedarf", "Maschinenbau", "Elektrotechnik", "Logistik", "Handelsgesellschaft", "Metallbau",
                "Feinkost", "Sanitärtechnik", "Verpackungen", "Druckerei", "Holzbau", "Werkzeuge", "Baustoffe",
                "Autoteile", "Getränke"),
            a("Nord", "Süd", "Rhein", "Alpen", "Hanse", "Spree", "Elbe", "Main", "Isar", "Euro"),
            a("GmbH", "GmbH", "GmbH", "GmbH & Co. KG", "AG", "KG", "OHG", "e.K.", "UG (haftungsbeschränkt)"),
            a("Hauptstraße", "Bahnhofstraße", "Gartenstraße", "Schulstraße", "Dorfstraße", "Bergstraße",
                "Lindenstraße", "Kirchstraße", "Goethestraße", "Schillerstraße", "Am Markt", "Industriestraße",
                "Friedrichstraße", "Mozartstraße", "Ringstraße", "Waldweg", "Rosenweg", "Kaiserallee",
                "Poststraße", "Wilhelmstraße", "Gewerbepark", "Raiffeisenstr."),
            a("gmx.de", "web.de", "t-online.de", "gmail.com", "posteo.de"),
            a("info", "kontakt", "einkauf", "buchhaltung", "service", "bestellung"));

    static final Country FR = new Country("FR", "33", "EUR", "CHF", "FR", ".fr", true, 140, " bis", "Associés",
            new City[] {city("Paris", "1", 8, "750"), city("Lyon", "4", 8, "6900"), city("Marseille", "4", 8, "130"),
                city("Toulouse", "5", 8, "310"), city("Nice", "4", 8, "060"), city("Nantes", "2", 8, "440"),
                city("Strasbourg", "3", 8, "670"), city("Bordeaux", "5", 8, "330"), city("Lille", "3", 8, "590"),
                city("Rennes", "2", 8, "350"), city("Montpellier", "4", 8, "340")},
            a("Jean", "Marie", "Pierre", "Camille", "Léa", "François", "Hélène", "Amélie", "Étienne", "Jérôme",
                "Chloé", "Nicolas", "Isabelle", "Sébastien", "Céline", "Océane", "Théo", "Manon", "Louis", "Zoé"),
            a("Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau",
                "Simon", "Laurent", "Lefèbvre", "Michel", "Garcia", "David", "Bertrand", "Roux", "Vincent",
                "Fournier", "Morel", "Girard", "André", "Mercier", "Dupont", "Lambert", "Bonnet", "Legrand",
                "Garnier", "Faure", "Rousseau", "Blanc", "Guérin", "Henry", "Roussel", "Perrin", "Chevalier"),
            a("Transports", "Distribution", "Boulangerie", "Imprimerie", "Menuiserie", "Électricité", "Import Export",
                "Vins et Spiritueux", "Matériaux", "Informatique", "Conseil", "Textiles"),
            a("Atlantique", "Provence", "Alpes", "Normandie", "Loire", "Azur", "Bretagne", "Gascogne"),
            a("SARL", "SARL", "SAS", "SAS", "SA", "EURL", "SASU"),
            a("rue de la Paix", "avenue Victor Hugo", "boulevard Saint-Michel", "rue de la République",
                "place de la Bastille", "rue du Faubourg Saint-Honoré", "avenue des Champs-Élysées", "rue Nationale",
                "chemin des Vignes", "allée des Tilleuls", "rue Pasteur", "avenue Jean Jaurès", "rue Gambetta",
                "quai de la Tournelle", "rue de l'Église", "boulevard Voltaire"),
            a("orange.fr", "free.fr", "laposte.net", "gmail.com", "sfr.fr", "wanadoo.fr"),
            a("contact", "info", "achats", "comptabilite", "commandes", "service.client"));

    static final Country US = new Country("US", "1", "USD", "CAD", null, ".com", true, 9800, "A", "Associates",
            new City[] {city("New York", "212", 7, "100"), city("Los Angeles", "213", 7, "900"),
                city("Chicago", "312", 7, "606"), city("Houston", "713", 7, "770"), city("Phoenix", "602", 7, "850"),
                city("Philadelphia", "215", 7, "191"), city("Seattle", "206", 7, "981"),
                city("Boston", "617", 7, "021"), city("Denver", "303", 7, "802"), city("Atlanta", "404", 7, "303"),
                city("San Francisco", "415", 7, "941"), city("Austin", "512", 7, "787")},
            a("James", "Mary", "John", "Patricia", "Robert", "Jennifer", "Michael", "Linda", "William", "Elizabeth",
                "David", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah", "Daniel", "Karen",
                "Christopher", "Nancy", "Matthew", "Ashley"),
            a("Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez",
                "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Taylor", "Moore", "Jackson", "Martin", "Lee",
                "Thompson", "White", "Harris", "Clark", "Lewis", "Robinson", "Walker", "Young", "Allen", "King",
                "O'Brien", "O'Connor", "Nguyen", "Kim", "Patel", "Cohen"),
            a("Logistics", "Supply", "Hardware", "Foods", "Industries", "Consulting", "Manufacturing", "Plumbing",
                "Electric", "Office Solutions", "Auto Parts", "Packaging", "Trading Company"),
            a("Pacific", "Atlantic", "Liberty", "Summit", "Eagle", "Golden Gate", "Lone Star", "Great Lakes",
                "Keystone", "Evergreen"),
            a("Inc.", "Inc.", "LLC", "LLC", "Corp.", "Co."),
            a("Main Street", "Oak Avenue", "Maple Drive", "Park Avenue", "5th Avenue", "Elm Street",
                "Washington Blvd", "Lake Shore Drive", "Sunset Boulevard", "Market Street", "Pine Street",
                "Cedar Lane", "Broadway", "Madison Avenue", "Commerce Parkway", "Industrial Way"),
            a("gmail.com", "yahoo.com", "outlook.com", "aol.com", "icloud.com", "hotmail.com"),
            a("info", "sales", "orders", "accounts.payable", "purchasing", "contact"));

    static final Country GB = new Country("GB", "44", "GBP", "EUR", "GB", ".co.uk", true, 240, "A", "Partners",
            new City[] {city("London", "20", 8, "EC1A", "SW1A", "W1D", "N1", "E1", "SE1", "NW1", "WC2N"),
                city("Manchester", "161", 7, "M1", "M2", "M4", "M15"), city("Birmingham", "121", 7, "B1", "B2", "B5"),
                city("Leeds", "113", 7, "LS1", "LS2", "LS6"), city("Glasgow", "141", 7, "G1", "G2", "G12"),
                city("Bristol", "117", 7, "BS1", "BS8"), city("Liverpool", "151", 7, "L1", "L3"),
                city("Edinburgh", "131", 7, "EH1", "EH3"), city("Sheffield", "114", 7, "S1", "S10")},
            a("Oliver", "Amelia", "George", "Olivia", "Harry", "Emily", "Jack", "Sophie", "Charlotte", "James",
                "Isla", "Thomas", "Jessica", "William", "Poppy", "Alfie", "Grace", "Henry", "Freya", "Rhys"),
            a("Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Robinson", "Wright",
                "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall", "Wood", "Jackson", "Clarke",
                "Patel", "Khan", "Hughes", "Edwards", "Turner", "MacDonald", "O'Neill", "Campbell", "Stewart"),
            a("Builders", "Engineering", "Removals", "Catering", "Wholesale", "Joinery", "Print", "Motors",
                "Garden Centre", "Electrical", "Trading"),
            a("Thames", "Pennine", "Albion", "Crown", "Highland", "Severn", "Cotswold", "Northern"),
            a("Ltd", "Ltd", "Ltd", "PLC", "LLP"),
            a("High Street", "Station Road", "Church Lane", "Victoria Road", "Green Lane", "Manor Road",
                "Park Road", "King Street", "Queen's Road", "London Road", "Mill Lane", "The Crescent",
                "Baker Street", "Oxford Street"),
            a("btinternet.com", "gmail.com", "hotmail.co.uk", "yahoo.co.uk", "outlook.com", "sky.com"),
            a("info", "sales", "accounts", "enquiries", "office", "orders"));
}
