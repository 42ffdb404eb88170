package dk.bindeled.partner.query.hsds;

import dk.bindeled.events.partner.v1.Sector;
import dk.bindeled.events.partner.v1.TargetGroup;
import dk.bindeled.partner.query.hsds.HsdsModel.Attribute;
import dk.bindeled.partner.query.hsds.HsdsModel.Taxonomy;
import dk.bindeled.partner.query.hsds.HsdsModel.TaxonomyTerm;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The two taxonomies the export classifies by: the partner's sector and the offer's target groups. Fixed, so no queries. */
final class HsdsTaxonomies {

    static final String SECTOR_URI = "https://bindeled.dk/taxonomies/sector";
    static final String TARGET_GROUP_URI = "https://bindeled.dk/taxonomies/target-group";

    static final Taxonomy SECTOR = new Taxonomy(HsdsIds.of("taxonomy", SECTOR_URI), "Bindeled sectors",
            "The sector an actor in a citizen centre belongs to: public, private, third sector (civil society) or informal.",
            SECTOR_URI, "1");
    static final Taxonomy TARGET_GROUP = new Taxonomy(HsdsIds.of("taxonomy", TARGET_GROUP_URI), "Bindeled target groups",
            "Who an offer in a Danish citizen centre or library is meant for (målgrupper).", TARGET_GROUP_URI, "1");

    static final List<Taxonomy> TAXONOMIES = List.of(SECTOR, TARGET_GROUP);

    private static final Map<Sector, TaxonomyTerm> SECTORS = new EnumMap<>(Sector.class);
    private static final Map<TargetGroup, TaxonomyTerm> TARGET_GROUPS = new EnumMap<>(TargetGroup.class);
    static final List<TaxonomyTerm> TERMS;

    static {
        sector(Sector.PUBLIC, "Public sector", "Municipal, regional or state bodies: departments, libraries, job centres, health visitors.");
        sector(Sector.PRIVATE, "Private sector", "Businesses, including clinics and social-economy businesses.");
        sector(Sector.THIRD_SECTOR, "Third sector (civil society)",
                "Associations, NGOs, housing associations and their comprehensive housing-social plans.");
        sector(Sector.INFORMAL, "Informal", "Groups of residents or volunteers without a formal organisation.");
        group(TargetGroup.ALL_RESIDENTS, "All residents", "Everyone living in or near the area.");
        group(TargetGroup.CHILDREN, "Children", "Children up to about 12, often with their parents.");
        group(TargetGroup.YOUNG_PEOPLE, "Young people", "Teenagers and young adults.");
        group(TargetGroup.MARGINALISED_YOUNG_PEOPLE, "Marginalised young people",
                "Young people outside education, work or the usual leisure activities.");
        group(TargetGroup.VULNERABLE_FAMILIES_WITH_CHILDREN, "Vulnerable families with children",
                "Families with children who need support, for example from the municipality's family consultants.");
        group(TargetGroup.YOUNG_MOTHERS, "Young mothers", "Young mothers and their babies.");
        group(TargetGroup.ADULTS, "Adults", "Adults of working age.");
        group(TargetGroup.MEN, "Men", "Offers meant for men.");
        group(TargetGroup.WOMEN, "Women", "Offers meant for women.");
        group(TargetGroup.SENIORS, "Seniors", "Older residents, including those living alone.");
        group(TargetGroup.REFUGEES_AND_ASYLUM_SEEKERS, "Refugees and asylum seekers", "People who have come to Denmark as refugees or seek asylum.");
        group(TargetGroup.ETHNIC_MINORITIES, "Ethnic minorities", "Residents with a minority background, often in their own language.");
        group(TargetGroup.UNEMPLOYED, "Unemployed", "People looking for work or education.");
        group(TargetGroup.PEOPLE_WITH_DISABILITIES, "People with disabilities", "People with a physical or mental disability.");
        group(TargetGroup.VOLUNTEERS, "Volunteers", "Volunteers and the associations' own members and representatives.");
        List<TaxonomyTerm> terms = new ArrayList<>(SECTORS.values());
        terms.addAll(TARGET_GROUPS.values());
        TERMS = List.copyOf(terms);
    }

    private HsdsTaxonomies() {
    }

    static TaxonomyTerm term(Sector sector) {
        return SECTORS.get(sector);
    }

    static TaxonomyTerm term(TargetGroup group) {
        return TARGET_GROUPS.get(group);
    }

    static Optional<Taxonomy> taxonomy(String id) {
        return TAXONOMIES.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    static Optional<TaxonomyTerm> taxonomyTerm(String id) {
        return TERMS.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    /** The term as an attribute of the organization or service {@code linkId}. */
    static Attribute attribute(String linkEntity, String linkType, String linkId, TaxonomyTerm term) {
        return new Attribute(HsdsIds.of("attribute", linkEntity, linkId, term.id()), linkId, linkType, linkEntity, term.id(),
                term.code(), term);
    }

    private static void sector(Sector sector, String name, String description) {
        SECTORS.put(sector, term(SECTOR, sector.name(), name, description));
    }

    private static void group(TargetGroup group, String name, String description) {
        TARGET_GROUPS.put(group, term(TARGET_GROUP, group.name(), name, description));
    }

    private static TaxonomyTerm term(Taxonomy taxonomy, String code, String name, String description) {
        return new TaxonomyTerm(HsdsIds.of("taxonomy_term", taxonomy.uri(), code), code, name, description, taxonomy.uri(),
                taxonomy.id(), "en");
    }
}
