//! Deterministic synthetic engineering orgs, for `orgraph generate`, the
//! benchmarks and the desktop app's demo workspace.
//!
//! [`generate`] builds an org of any size from one seed. The shape:
//!
//! * one CTO (M7) at the root;
//! * as many management layers as the size needs, so spans stay mostly 4–10
//!   from 20 people to millions, with a few narrow (1–3) and a few wide
//!   (11–15) ones: directors from about 60 people, VPs from about 270, SVPs
//!   from about 4,000, senior directors from about 26,000, EVPs from about
//!   170,000 (and group VPs beyond a million);
//! * directors (M3/M4) whose orgs are the departments (`Payments`,
//!   `Observability`, …), engineering managers (M1/M2) each leading one
//!   product team of mostly 5–9 people, and engineers (IC1–IC3);
//! * staff+ engineers (IC4–IC7) embedded in roughly one team in 3–4, and one
//!   `Central Architecture` team under a chief architect who reports to the
//!   CTO, whose members support 2–5 product teams each;
//! * about 0.5% of people with a dotted line, and about 3% open reqs, 2%
//!   planned hires and 2% departing people (managers of others are active).
//!
//! Records come out in pre-order (every manager before their reports; the
//! architecture group last), with ids `E000001`, `E000002`, … in that order.
//! [`write_csv`] writes them in the [`CSV_COLUMNS`] layout the importer reads.

use crate::model::{Interner, PersonRecord, ShortText, Status};
use crate::money::Money;
use rand::{RngCore, SeedableRng};
use rand_chacha::ChaCha8Rng;
use std::collections::HashSet;
use std::fmt::Write as _;
use std::hash::{BuildHasherDefault, Hasher};
use std::io;
use std::sync::Arc;

/// The CSV header written by [`write_csv`].
pub const CSV_COLUMNS: [&str; 12] = [
    "id",
    "manager_id",
    "name",
    "title",
    "team",
    "level",
    "cost",
    "location",
    "status",
    "department",
    "supports",
    "dotted_managers",
];

/// The name of the one central architecture team.
pub const ARCHITECTURE_TEAM: &str = "Central Architecture";
/// The department of the CTO and the central architecture group.
pub const CTO_DEPARTMENT: &str = "Office of the CTO";
/// The department of every team in an org too small to have directors.
const SMALL_ORG_DEPARTMENT: &str = "Engineering";

/// Generates exactly `people` records (people >= 1), deterministic for a
/// given seed (use rand_chacha::ChaCha8Rng).
///
/// `people == 0` gives no records. Team kinds are left to be guessed from the
/// team names (`… Platform` teams are platform teams, `Central Architecture`
/// is the architecture group), exactly as when the CSV is imported.
pub fn generate(people: usize, seed: u64) -> Vec<PersonRecord> {
    let mut generator = Generator::new(people, seed);
    generator.run();
    generator.out
}

/// Writes records as CSV with the [`CSV_COLUMNS`] header: cost as a plain
/// decimal (`131999.92`, empty when unknown), status in lowercase, supports
/// and dotted managers joined with `;`.
pub fn write_csv<W: io::Write>(records: &[PersonRecord], out: W) -> io::Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(CSV_COLUMNS)?;
    let mut cost = String::new();
    let mut supports = String::new();
    let mut dotted = String::new();
    for record in records {
        cost.clear();
        if let Some(amount) = record.cost {
            // Writing to a String cannot fail.
            let _ = write!(cost, "{amount}");
        }
        join_into(&mut supports, &record.supports);
        join_into(&mut dotted, &record.dotted_managers);
        writer.write_record([
            record.id.as_str(),
            record.manager_id.as_str(),
            record.name.as_str(),
            &*record.title,
            &*record.team,
            &*record.level,
            cost.as_str(),
            &*record.location,
            record.status.as_str(),
            &*record.department,
            supports.as_str(),
            dotted.as_str(),
        ])?;
    }
    writer.flush()
}

fn join_into(buffer: &mut String, items: &[String]) {
    buffer.clear();
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            buffer.push(';');
        }
        buffer.push_str(item);
    }
}

// ---------------------------------------------------------------------------
// Levels, titles, cost, places and names
// ---------------------------------------------------------------------------

const IC1: usize = 0;
const IC2: usize = 1;
const IC3: usize = 2;
const IC4: usize = 3;
const IC5: usize = 4;
const IC6: usize = 5;
const IC7: usize = 6;
const M1: usize = 7;
const M2: usize = 8;
const M3: usize = 9;
const M4: usize = 10;
const M5: usize = 11;
const M6: usize = 12;
const M7: usize = 13;

#[rustfmt::skip]
const LEVEL_CODES: [&str; 14] = [
    "IC1", "IC2", "IC3", "IC4", "IC5", "IC6", "IC7", "M1", "M2", "M3", "M4", "M5", "M6", "M7",
];

/// Typical annual cost per level in whole currency units, before the ±12%
/// individual spread and the location factor.
#[rustfmt::skip]
const BASE_COST: [i64; 14] = [
    110_000, 135_000, 170_000, 215_000, 280_000, 350_000, 430_000, // IC1–IC7
    195_000, 225_000, 265_000, 305_000, 350_000, 400_000, 450_000, // M1–M7
];

/// Engineer specialties with their weights (summing to 100).
const SPECIALTIES: [(&str, usize); 7] = [
    ("Software Engineer", 62),
    ("Backend Engineer", 10),
    ("Frontend Engineer", 9),
    ("Site Reliability Engineer", 6),
    ("Mobile Engineer", 5),
    ("Data Engineer", 4),
    ("Machine Learning Engineer", 4),
];

struct City {
    name: &'static str,
    /// Share of people, in percent (the weights sum to 100).
    weight: usize,
    /// Cost factor in thousandths.
    cost_factor: i64,
}

#[rustfmt::skip]
const CITIES: [City; 10] = [
    City { name: "San Francisco", weight: 18, cost_factor: 1150 },
    City { name: "New York", weight: 14, cost_factor: 1120 },
    City { name: "Seattle", weight: 12, cost_factor: 1080 },
    City { name: "Austin", weight: 8, cost_factor: 980 },
    City { name: "London", weight: 12, cost_factor: 920 },
    City { name: "Berlin", weight: 7, cost_factor: 840 },
    City { name: "Dublin", weight: 6, cost_factor: 880 },
    City { name: "Toronto", weight: 7, cost_factor: 830 },
    City { name: "Bangalore", weight: 10, cost_factor: 480 },
    City { name: "Singapore", weight: 6, cost_factor: 900 },
];

#[rustfmt::skip]
const FIRST_NAMES: [&str; 100] = [
    "James", "Mary", "Wei", "Priya", "Carlos", "Fatima", "Olivia", "Liam", "Noah", "Emma",
    "Ava", "Sofia", "Mateo", "Yuki", "Hiroshi", "Aisha", "Omar", "Mei", "Arjun", "Ananya",
    "Rahul", "Deepa", "Lucas", "Isabella", "Mia", "Ethan", "Amelia", "Harper", "Elena", "Dmitri",
    "Olga", "Ivan", "Anna", "Kofi", "Amara", "Chloe", "Zoe", "Nia", "Jamal", "Leila",
    "Hassan", "Nora", "Ingrid", "Lars", "Astrid", "Freya", "Giulia", "Marco", "Luca", "Pierre",
    "Camille", "Hugo", "Lea", "Jin", "Min-jun", "Ji-woo", "Thanh", "Linh", "Kavya", "Vikram",
    "Nikhil", "Sara", "David", "Daniel", "Michael", "Sarah", "Laura", "Rachel", "Ben", "Sam",
    "Alex", "Jordan", "Taylor", "Morgan", "Riley", "Diego", "Valentina", "Camila", "Santiago", "Gabriel",
    "Beatriz", "Tomasz", "Katarzyna", "Piotr", "Kwame", "Adaeze", "Chidi", "Tariq", "Yasmin", "Emre",
    "Elif", "Noa", "Avi", "Finn", "Aoife", "Declan", "Grace", "Henry", "Oscar", "Ines",
];

#[rustfmt::skip]
const LAST_NAMES: [&str; 100] = [
    "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez",
    "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin",
    "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson",
    "Walker", "Young", "Allen", "King", "Wright", "Scott", "Torres", "Nguyen", "Hill", "Flores",
    "Green", "Adams", "Baker", "Campbell", "Mitchell", "Carter", "Patel", "Shah", "Kumar", "Singh",
    "Gupta", "Sharma", "Iyer", "Reddy", "Chen", "Wang", "Li", "Zhang", "Liu", "Huang",
    "Kim", "Park", "Choi", "Tanaka", "Suzuki", "Sato", "Watanabe", "Yamamoto", "Mueller", "Schmidt",
    "Fischer", "Weber", "Rossi", "Russo", "Bianchi", "Dubois", "Moreau", "Laurent", "Novak", "Kowalski",
    "Nowak", "Ivanova", "Petrov", "Okafor", "Mensah", "Adeyemi", "Haddad", "Khan", "Ali", "Cohen",
    "Levi", "O'Brien", "Murphy", "Kelly", "Silva", "Santos", "Costa", "Jensen", "Larsen", "Lindqvist",
];

// ---------------------------------------------------------------------------
// Org names: VP groups, their areas (director orgs) and each area's topics
// (team names). Topics are distinct across all areas.
// ---------------------------------------------------------------------------

struct Area {
    /// The director org's name, used as the department.
    name: &'static str,
    topics: [&'static str; 8],
}

struct Group {
    /// The VP org's name.
    name: &'static str,
    areas: &'static [Area],
}

#[rustfmt::skip]
const GROUPS: [Group; 6] = [
    Group { name: "Consumer Products", areas: &[
        Area { name: "Growth", topics: ["Onboarding", "Activation", "Referrals", "Lifecycle", "Growth Experiments", "Retention", "Landing Pages", "Signup"] },
        Area { name: "Messaging", topics: ["Messaging", "Chat", "Email Delivery", "Push Delivery", "Inbox", "Realtime", "Presence", "SMS Gateway"] },
        Area { name: "Content", topics: ["Content Management", "Publishing", "Media Pipeline", "Video", "Images", "Editorial Tools", "Feeds", "Discovery"] },
        Area { name: "Notifications", topics: ["Notifications", "Notification Preferences", "Digests", "In-App Messages", "Scheduling", "Reminders", "Alert Delivery", "Templates"] },
        Area { name: "Mobile", topics: ["iOS App", "Android App", "Mobile Shell", "Mobile Releases", "App Performance", "Offline Sync", "Mobile Design System", "Deep Links"] },
        Area { name: "Collaboration", topics: ["Documents", "Comments", "Sharing", "Calendar", "Workspaces", "Live Editing", "Whiteboards", "File Sync"] },
        Area { name: "Maps", topics: ["Geocoding", "Places", "Navigation", "Map Tiles", "Location Services", "Routing Engine", "ETA", "Geofencing"] },
    ] },
    Group { name: "Commerce & Marketplace", areas: &[
        Area { name: "Commerce", topics: ["Checkout", "Cart", "Pricing", "Promotions", "Catalog", "Orders", "Subscriptions", "Tax"] },
        Area { name: "Payments", topics: ["Payments", "Payouts", "Ledger", "Billing", "Invoicing", "Card Processing", "Wallet", "Refunds"] },
        Area { name: "Marketplace", topics: ["Listings", "Seller Tools", "Buyer Journey", "Reviews", "Matching", "Inventory", "Fulfilment", "Returns"] },
        Area { name: "Logistics", topics: ["Dispatch", "Shipping", "Warehouse Systems", "Tracking", "Delivery Estimates", "Carrier Network", "Fleet", "Last Mile"] },
        Area { name: "Finance Systems", topics: ["Revenue Recognition", "Payroll", "Procurement", "Expenses", "Financial Reporting", "Treasury", "Accounts Payable", "Budgeting"] },
    ] },
    Group { name: "Platform & Infrastructure", areas: &[
        Area { name: "Infrastructure", topics: ["Compute", "Kubernetes", "Service Mesh", "Load Balancing", "Provisioning", "Capacity Planning", "Edge Compute", "DNS"] },
        Area { name: "Storage", topics: ["Databases", "Object Storage", "Caching", "Backups", "Replication", "Key-Value Store", "Schema Management", "Queues"] },
        Area { name: "Networking", topics: ["CDN", "Traffic Management", "Connectivity", "VPN", "Firewall", "Peering", "Network Config", "Service Discovery"] },
        Area { name: "Observability", topics: ["Logging", "Tracing", "Alerting", "Monitoring", "Incident Response", "SLOs", "Profiling", "Telemetry"] },
        Area { name: "Developer Experience", topics: ["Build Systems", "Continuous Integration", "Developer Tools", "Code Review", "Release Engineering", "Test Infrastructure", "Monorepo", "SDKs"] },
    ] },
    Group { name: "Data & AI", areas: &[
        Area { name: "Data", topics: ["Data Ingestion", "Data Warehouse", "Streaming", "Batch Processing", "Data Quality", "Metadata", "Data Lake", "Pipelines"] },
        Area { name: "Analytics", topics: ["Dashboards", "Reporting", "Metrics", "Event Tracking", "Attribution", "Business Intelligence", "Forecasting", "Product Analytics"] },
        Area { name: "Machine Learning", topics: ["Feature Store", "Model Training", "Model Serving", "Recommendations", "Personalization", "Embeddings", "MLOps", "Ranking"] },
        Area { name: "Experimentation", topics: ["Feature Flags", "A/B Testing", "Statistics Engine", "Rollouts", "Targeting", "Holdouts", "Experiment Analysis", "Causal Inference"] },
        Area { name: "Search", topics: ["Search Ranking", "Search Indexing", "Query Understanding", "Autocomplete", "Relevance", "Spelling Correction", "Search Quality", "Federated Search"] },
    ] },
    Group { name: "Trust & Security", areas: &[
        Area { name: "Identity", topics: ["Identity", "Authentication", "Authorization", "Accounts", "Sessions", "Permissions", "Single Sign-On", "Directory Sync"] },
        Area { name: "Security", topics: ["AppSec", "Detection & Response", "Secrets Management", "Vulnerability Management", "Cloud Security", "Encryption", "Security Scanning", "Zero Trust"] },
        Area { name: "Trust & Safety", topics: ["Fraud Detection", "Risk Scoring", "Content Moderation", "Abuse Prevention", "Account Integrity", "Spam", "Disputes", "Compliance"] },
        Area { name: "Privacy", topics: ["Consent", "Data Subject Requests", "Data Retention", "Anonymisation", "Privacy Controls", "Cookie Management", "Data Mapping", "Privacy Reviews"] },
    ] },
    Group { name: "Business & Enterprise", areas: &[
        Area { name: "Ads", topics: ["Ads Serving", "Ads Ranking", "Bidding", "Campaign Management", "Ads Measurement", "Audience Targeting", "Ad Quality", "Advertiser Tools"] },
        Area { name: "Enterprise", topics: ["Admin Console", "Audit Logs", "Enterprise Billing", "User Provisioning", "Data Residency", "Workspace Management", "Licensing", "Compliance Reporting"] },
        Area { name: "Partner Ecosystem", topics: ["Partner APIs", "App Marketplace", "Webhooks", "Developer Portal", "Partner Onboarding", "API Gateway", "OAuth Apps", "Connectors"] },
        Area { name: "Customer Experience", topics: ["Help Center", "Support Tools", "Case Management", "Chatbots", "Feedback", "Customer Insights", "Contact Centre", "Knowledge Base"] },
        Area { name: "Localization", topics: ["Translation", "Internationalization", "Currency", "Regional Launches", "Locale Services", "Accessibility", "Time Zones", "Content Translation"] },
    ] },
];

/// Orgs above VP level (SVPs, EVPs, group VPs).
const DIVISIONS: [&str; 8] = [
    "Product Engineering",
    "Core Engineering",
    "Infrastructure Engineering",
    "Consumer Engineering",
    "Enterprise Engineering",
    "Data Engineering",
    "Commerce Engineering",
    "Global Engineering",
];

/// Words appended to a topic once its plain name is taken.
const FACETS: [&str; 12] = [
    "Platform",
    "Services",
    "Core",
    "API",
    "Experience",
    "Insights",
    "Tooling",
    "Reliability",
    "Foundations",
    "Integrations",
    "Automation",
    "Operations",
];

/// Percent of teams named "… Platform" on first use of a topic.
const PLATFORM_PERCENT: usize = 18;

// ---------------------------------------------------------------------------
// The plan: how many teams, how big, and the management layers above them
// ---------------------------------------------------------------------------

/// A top-level node above this many reports gets another layer above it.
const MAX_TOP_SPAN: usize = 12;
/// Branching of the central architecture group's internal tree.
const ARCHITECTURE_SPAN: usize = 6;
/// Target mean team size (EM, engineers and embedded staff+).
const MEAN_TEAM: usize = 7;

/// Management layers above the engineering managers, bottom up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Director,
    SeniorDirector,
    Vp,
    GroupVp,
    Svp,
    Evp,
}

fn kinds_for(layers: usize) -> Vec<Kind> {
    match layers {
        0 => Vec::new(),
        1 => vec![Kind::Director],
        2 => vec![Kind::Director, Kind::Vp],
        3 => vec![Kind::Director, Kind::Vp, Kind::Svp],
        4 => vec![Kind::Director, Kind::SeniorDirector, Kind::Vp, Kind::Svp],
        n => {
            let mut kinds = vec![Kind::Director, Kind::SeniorDirector, Kind::Vp];
            kinds.extend(std::iter::repeat_n(Kind::GroupVp, n - 5));
            kinds.extend([Kind::Svp, Kind::Evp]);
            kinds
        }
    }
}

/// Node counts of the management layers above `teams` engineering managers,
/// bottom up. Layers are added (at a mean span of 6.5) until the top fits
/// under the CTO; a director layer is forced from 8 teams and a VP layer from
/// 6 directors (at a mean span of 3.5) so mid-sized orgs read like real ones.
fn layer_counts(teams: usize) -> Vec<usize> {
    let mut counts = Vec::new();
    let mut n = teams;
    loop {
        let forced = match counts.len() {
            0 => n >= 8,
            1 => n >= 6,
            _ => false,
        };
        let next = if n > MAX_TOP_SPAN {
            (2 * n + 6) / 13
        } else if forced {
            (2 * n + 3) / 7
        } else {
            break;
        };
        n = next.max(2);
        counts.push(n);
    }
    counts
}

/// Whether there is a central architecture group, and how many architects
/// report (directly or not) to its head: about one per 25 teams.
fn architecture_size(people: usize, teams: usize) -> (bool, usize) {
    if people < 50 {
        (false, 0)
    } else if people < 100 {
        (true, 0)
    } else {
        (true, ((teams + 12) / 25).max(2))
    }
}

/// Everyone who is not in a product team: CTO, architecture group, managers
/// above the engineering managers.
fn overhead(people: usize, teams: usize) -> usize {
    let (has_architecture, architects) = architecture_size(people, teams);
    1 + usize::from(has_architecture) + architects + layer_counts(teams).iter().sum::<usize>()
}

/// How a count is split into spans (or team sizes).
struct SpanShape {
    /// Half-width of the triangular noise around the mean.
    spread: f64,
    /// The normal band; the fix-up prefers to move values inside it.
    band: (u32, u32),
    /// Narrow outliers: chance in thousandths and range.
    narrow: (usize, u32, u32),
    /// Wide outliers: chance in thousandths and range.
    wide: (usize, u32, u32),
    max: u32,
}

const MANAGER_SPANS: SpanShape = SpanShape {
    spread: 2.5,
    band: (4, 10),
    narrow: (25, 1, 3),
    wide: (35, 11, 15),
    max: 15,
};

const TEAM_SIZES: SpanShape = SpanShape {
    spread: 2.5,
    band: (5, 9),
    narrow: (10, 2, 4),
    wide: (10, 10, 12),
    max: 14,
};

struct Plan {
    /// The kind of each management layer, bottom up (layer 1 is `kinds[0]`).
    kinds: Vec<Kind>,
    /// `spans[l][j]`: reports (in layer `l`, teams when `l == 0`) of node `j`
    /// of management layer `l + 1`. Children of a node are contiguous.
    spans: Vec<Vec<u32>>,
    /// Prefix sums of `spans`: the first child of each node.
    starts: Vec<Vec<usize>>,
    /// Members per team: the EM, the engineers and the embedded staff+.
    team_size: Vec<u32>,
    /// Embedded staff+ per team.
    team_staff: Vec<u8>,
    /// Of those, how many report to the team's director rather than the EM.
    staff_to_director: Vec<u8>,
    has_architecture: bool,
    /// Architects under the chief architect.
    architects: usize,
}

impl Plan {
    /// First child and number of children of node `node` in layer `layer`.
    fn children(&self, layer: usize, node: usize) -> (usize, usize) {
        (
            self.starts[layer - 1][node],
            self.spans[layer - 1][node] as usize,
        )
    }
}

// ---------------------------------------------------------------------------
// The generator
// ---------------------------------------------------------------------------

/// Where in the org a node is being emitted.
#[derive(Debug, Clone, Copy, Default)]
struct Ctx {
    /// The VP group the node is in.
    group: Option<usize>,
    /// The director org's area (global area index).
    area: usize,
    /// Record index of the nearest VP above.
    vp: Option<usize>,
    /// Record index of the director above.
    director: Option<usize>,
}

struct Generator {
    rng: ChaCha8Rng,
    people: usize,
    id_width: usize,
    out: Vec<PersonRecord>,

    /// Areas flattened over groups; `group_base[g]` is group `g`'s first.
    areas: Vec<&'static Area>,
    group_base: Vec<usize>,
    group_offset: usize,
    group_uses: Vec<u32>,
    /// Per group: where its area rotation starts, and how far it has got.
    area_offset: Vec<usize>,
    area_cursor: Vec<usize>,
    /// Per global area: times used as a department, topic rotation state.
    area_uses: Vec<u32>,
    topic_offset: Vec<usize>,
    topic_cursor: Vec<usize>,
    division_offset: usize,
    division_cursor: usize,
    division_uses: Vec<u32>,
    vps_seen: usize,
    directors_seen: usize,
    taken_team_names: HashSet<String, BuildHasherDefault<NameHasher>>,

    /// Per team, in team order (which is emission order).
    team_names: Vec<Arc<str>>,
    team_city: Vec<usize>,
    team_director: Vec<Option<usize>>,
    team_vp: Vec<Option<usize>>,

    /// Dotted lines go to an evenly spread `dotted_target` of the staff+.
    staff_total: usize,
    staff_seen: usize,
    dotted_target: usize,
    /// Shared copies of titles, levels, places, teams and departments.
    strings: Interner,
}

impl Generator {
    fn new(people: usize, seed: u64) -> Self {
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        let mut areas = Vec::new();
        let mut group_base = Vec::new();
        for group in &GROUPS {
            group_base.push(areas.len());
            areas.extend(group.areas.iter());
        }
        let mut below = |n: usize| ((u64::from(rng.next_u32()) * n as u64) >> 32) as usize;
        let area_offset = GROUPS.iter().map(|g| below(g.areas.len())).collect();
        let topic_offset = areas.iter().map(|a| below(a.topics.len())).collect();
        let group_offset = below(GROUPS.len());
        let division_offset = below(DIVISIONS.len());
        let area_count = areas.len();
        Generator {
            rng,
            people,
            id_width: people.to_string().len().max(6),
            out: Vec::with_capacity(people),
            areas,
            group_base,
            group_offset,
            group_uses: vec![0; GROUPS.len()],
            area_offset,
            area_cursor: vec![0; GROUPS.len()],
            area_uses: vec![0; area_count],
            topic_offset,
            topic_cursor: vec![0; area_count],
            division_offset,
            division_cursor: 0,
            division_uses: vec![0; DIVISIONS.len()],
            vps_seen: 0,
            directors_seen: 0,
            taken_team_names: HashSet::default(),
            team_names: Vec::new(),
            team_city: Vec::new(),
            team_director: Vec::new(),
            team_vp: Vec::new(),
            staff_total: 0,
            staff_seen: 0,
            dotted_target: 0,
            strings: Interner::new(),
        }
    }

    // --- randomness -------------------------------------------------------

    /// Uniform in `0..n` (n >= 1, well below 2^32).
    fn below(&mut self, n: usize) -> usize {
        ((u64::from(self.rng.next_u32()) * n as u64) >> 32) as usize
    }

    fn between(&mut self, lo: u32, hi: u32) -> u32 {
        lo + self.below((hi - lo + 1) as usize) as u32
    }

    /// Uniform in `[0, 1)`.
    fn unit(&mut self) -> f64 {
        f64::from(self.rng.next_u32() >> 8) / f64::from(1u32 << 24)
    }

    fn city(&mut self) -> usize {
        let mut roll = self.below(100);
        for (i, city) in CITIES.iter().enumerate() {
            if roll < city.weight {
                return i;
            }
            roll -= city.weight;
        }
        0
    }

    /// Status of someone with no reports: ~3.5% open, ~2.3% planned, ~2.3%
    /// departing (about 3/2/2% of everyone once managers are counted).
    fn leaf_status(&mut self) -> Status {
        match self.below(1000) {
            0..35 => Status::Open,
            35..58 => Status::Planned,
            58..81 => Status::Departing,
            _ => Status::Active,
        }
    }

    fn cost(&mut self, level: usize, city: usize) -> Money {
        let spread = self.below(241) as i64 - 120;
        let mut cents =
            BASE_COST[level] * 100 * (1000 + spread) / 1000 * CITIES[city].cost_factor / 1000;
        match self.below(10) {
            // Most costs are budgeted to the nearest 500, some to the unit,
            // and some carry exact cents (like 131999.92).
            0..=5 => cents = (cents + 25_000) / 50_000 * 50_000,
            6..=8 => cents = (cents + 50) / 100 * 100,
            _ => {}
        }
        Money::from_cents(cents)
    }

    fn full_name(&mut self) -> String {
        let first = FIRST_NAMES[self.below(FIRST_NAMES.len())];
        let last = LAST_NAMES[self.below(LAST_NAMES.len())];
        let mut name = String::with_capacity(first.len() + 1 + last.len());
        name.push_str(first);
        name.push(' ');
        name.push_str(last);
        name
    }

    /// Splits `total` into `parts` values (each >= 1, `parts <= total`)
    /// around the mean with a few narrow and wide outliers, summing exactly
    /// to `total`.
    fn split(&mut self, total: usize, parts: usize, shape: &SpanShape) -> Vec<u32> {
        let parts = parts.max(1);
        let mean = total as f64 / parts as f64;
        let mut sizes = Vec::with_capacity(parts);
        // Outliers only where there are enough peers for them to stand out.
        let outliers = parts >= 4;
        for _ in 0..parts {
            let roll = if outliers { self.below(1000) } else { 1000 };
            let size = if roll < shape.narrow.0 {
                self.between(shape.narrow.1, shape.narrow.2)
            } else if roll < shape.narrow.0 + shape.wide.0 {
                self.between(shape.wide.1, shape.wide.2)
            } else {
                let noise = (self.unit() + self.unit() - 1.0) * shape.spread;
                (mean + noise).round().clamp(1.0, f64::from(shape.max)) as u32
            };
            sizes.push(size);
        }
        let sum: i64 = sizes.iter().map(|&s| i64::from(s)).sum();
        let mut diff = total as i64 - sum;
        // First move only values inside the band (keeping the outliers),
        // then anything within 1..=max, then anything at all.
        let passes = [
            (shape.band.0, shape.band.1, true),
            (1, shape.max, false),
            (1, u32::MAX, false),
        ];
        for (lo, hi, keep_outliers) in passes {
            let start = self.below(parts);
            while diff != 0 {
                let mut changed = false;
                for k in 0..parts {
                    if diff == 0 {
                        break;
                    }
                    let size = &mut sizes[(start + k) % parts];
                    if diff > 0 && *size < hi && (!keep_outliers || *size >= lo) {
                        *size += 1;
                        diff -= 1;
                        changed = true;
                    } else if diff < 0 && *size > lo && (!keep_outliers || *size <= hi) {
                        *size -= 1;
                        diff += 1;
                        changed = true;
                    }
                }
                if !changed {
                    break;
                }
            }
        }
        sizes
    }

    // --- planning ---------------------------------------------------------

    fn plan(&mut self) -> Plan {
        let people = self.people;
        let mut teams = (people * 10 / 83).max(1);
        for _ in 0..8 {
            let remaining = people.saturating_sub(overhead(people, teams));
            let next = ((remaining + MEAN_TEAM / 2) / MEAN_TEAM).max(1);
            if next == teams {
                break;
            }
            teams = next;
        }
        let mut in_teams = people.saturating_sub(overhead(people, teams));
        while in_teams < teams && teams > 1 {
            teams -= 1;
            in_teams = people.saturating_sub(overhead(people, teams));
        }

        let counts = layer_counts(teams);
        let kinds = kinds_for(counts.len());
        let mut spans = Vec::with_capacity(counts.len());
        let mut starts = Vec::with_capacity(counts.len());
        let mut below = teams;
        for &n in &counts {
            let layer = self.split(below, n, &MANAGER_SPANS);
            let mut first = 0;
            starts.push(
                layer
                    .iter()
                    .map(|&span| {
                        let start = first;
                        first += span as usize;
                        start
                    })
                    .collect(),
            );
            spans.push(layer);
            below = n;
        }

        let team_size = self.split(in_teams, teams, &TEAM_SIZES);
        let has_directors = !kinds.is_empty();
        let mut team_staff = Vec::with_capacity(teams);
        let mut staff_to_director = Vec::with_capacity(teams);
        for &size in &team_size {
            let mut staff = 0u8;
            if size >= 4 {
                staff = match self.below(1000) {
                    0..265 => 1,
                    265..285 if size >= 6 => 2,
                    265..285 => 1,
                    _ => 0,
                };
            }
            let mut to_director = 0u8;
            if has_directors {
                for _ in 0..staff {
                    if self.below(100) < 30 {
                        to_director += 1;
                    }
                }
            }
            team_staff.push(staff);
            staff_to_director.push(to_director);
        }

        // Keep directors within the widest span: their staff+ reports go to
        // the EMs instead.
        if let (Some(spans), Some(starts)) = (spans.first(), starts.first()) {
            for (&ems, &first) in spans.iter().zip(starts) {
                let teams = first..first + ems as usize;
                let mut span = ems as usize
                    + teams
                        .clone()
                        .map(|t| usize::from(staff_to_director[t]))
                        .sum::<usize>();
                for t in teams {
                    while span > MANAGER_SPANS.max as usize && staff_to_director[t] > 0 {
                        staff_to_director[t] -= 1;
                        span -= 1;
                    }
                }
            }
        }

        let (has_architecture, architects) = architecture_size(people, teams);
        self.staff_total = team_staff.iter().map(|&s| usize::from(s)).sum::<usize>() + architects;
        if people >= 100 && self.staff_total > 0 {
            self.dotted_target = ((people + 100) / 200).max(1);
        }
        Plan {
            kinds,
            spans,
            starts,
            team_size,
            team_staff,
            staff_to_director,
            has_architecture,
            architects,
        }
    }

    // --- naming -----------------------------------------------------------

    fn next_group(&mut self) -> usize {
        let group = (self.group_offset + self.vps_seen) % GROUPS.len();
        self.vps_seen += 1;
        group
    }

    /// The next area (global index) for a director in `group`, or in the
    /// next group in rotation when there is no VP above.
    fn next_area(&mut self, group: Option<usize>) -> usize {
        let group =
            group.unwrap_or_else(|| (self.group_offset + self.directors_seen) % GROUPS.len());
        self.directors_seen += 1;
        let areas = GROUPS[group].areas.len();
        let local = (self.area_offset[group] + self.area_cursor[group]) % areas;
        self.area_cursor[group] += 1;
        self.group_base[group] + local
    }

    fn next_division(&mut self) -> String {
        let division = (self.division_offset + self.division_cursor) % DIVISIONS.len();
        self.division_cursor += 1;
        numbered(DIVISIONS[division], &mut self.division_uses[division])
    }

    /// A unique team name from the area's topics: the plain topic (or
    /// "… Platform") first, then topic + facet, then numbered.
    fn next_team_name(&mut self, area: usize) -> String {
        let area_ref: &'static Area = self.areas[area];
        let topics = &area_ref.topics;
        loop {
            let k = self.topic_cursor[area];
            self.topic_cursor[area] += 1;
            let topic = topics[(self.topic_offset[area] + k) % topics.len()];
            let round = k / topics.len();
            let name = if round == 0 {
                if self.below(100) < PLATFORM_PERCENT {
                    format!("{topic} Platform")
                } else {
                    topic.to_string()
                }
            } else if round <= FACETS.len() {
                let facet = FACETS[round - 1];
                if topic.ends_with(facet) {
                    continue;
                }
                format!("{topic} {facet}")
            } else {
                // The lists have run out: number the plain and faceted names.
                let later = round - FACETS.len() - 1;
                let number = later / (FACETS.len() + 1) + 2;
                match later % (FACETS.len() + 1) {
                    0 => format!("{topic} {number}"),
                    f if topic.ends_with(FACETS[f - 1]) => continue,
                    f => format!("{topic} {} {number}", FACETS[f - 1]),
                }
            };
            if !self.taken_team_names.contains(&name) {
                self.taken_team_names.insert(name.clone());
                return name;
            }
        }
    }

    // --- records ----------------------------------------------------------

    /// `E` and the number zero-padded to the id width (`E000042`).
    fn format_id(&self, number: usize) -> ShortText {
        let mut digits = [b'0'; 20];
        let mut rest = number;
        let mut first = digits.len();
        while rest > 0 {
            first -= 1;
            digits[first] = b'0' + (rest % 10) as u8;
            rest /= 10;
        }
        let width = (digits.len() - first).max(self.id_width).min(digits.len());
        let mut id = ShortText::with_capacity(1 + width);
        id.push('E');
        id.extend(
            digits[digits.len() - width..]
                .iter()
                .map(|&d| char::from(d)),
        );
        id
    }

    /// Appends a record, filling in row, id and manager id; returns its index.
    fn add(&mut self, manager: Option<usize>, mut record: PersonRecord) -> usize {
        let index = self.out.len();
        record.row = index as u64 + 2;
        record.id = self.format_id(index + 1);
        if let Some(manager) = manager {
            record.manager_id = self.out[manager].id.clone();
        }
        self.out.push(record);
        index
    }

    /// A record with name, title, level, location, cost, status and
    /// department set (team, supports and dotted lines are the caller's).
    fn person(
        &mut self,
        level: usize,
        title: String,
        department: &str,
        city: usize,
        status: Status,
    ) -> PersonRecord {
        let (name, title) = if status == Status::Open {
            (String::new(), format!("Open req: {title}"))
        } else {
            (self.full_name(), title)
        };
        let cost = if status == Status::Open && self.below(2) == 0 {
            None
        } else {
            Some(self.cost(level, city))
        };
        PersonRecord {
            name: name.into(),
            title: self.strings.intern(&title),
            level: self.strings.intern(LEVEL_CODES[level]),
            location: self.strings.intern(CITIES[city].name),
            cost,
            status,
            department: self.strings.intern(department),
            ..PersonRecord::default()
        }
    }

    /// Whether the next staff+ engineer gets a dotted line.
    fn take_dotted(&mut self) -> bool {
        let k = self.staff_seen;
        self.staff_seen += 1;
        if self.staff_total == 0 {
            return false;
        }
        (k + 1) * self.dotted_target / self.staff_total > k * self.dotted_target / self.staff_total
    }

    // --- emission ---------------------------------------------------------

    fn run(&mut self) {
        if self.people == 0 {
            return;
        }
        let city = self.city();
        let record = self.person(
            M7,
            "Chief Technology Officer".to_string(),
            CTO_DEPARTMENT,
            city,
            Status::Active,
        );
        let cto = self.add(None, record);
        if self.people == 1 {
            return;
        }
        if self.people <= 4 {
            // A founding team reporting straight to the CTO.
            let area = self.below(self.areas.len());
            self.open_team(area, None, None);
            for _ in 1..self.people {
                self.emit_engineer(0, cto, SMALL_ORG_DEPARTMENT);
            }
            return;
        }

        let plan = self.plan();
        let layers = plan.kinds.len();
        if layers == 0 {
            let ctx = Ctx {
                area: self.below(self.areas.len()),
                ..Ctx::default()
            };
            for team in 0..plan.team_size.len() {
                self.emit_team(&plan, team, cto, SMALL_ORG_DEPARTMENT, ctx);
            }
        } else {
            for node in 0..plan.spans[layers - 1].len() {
                self.emit_manager(&plan, layers, node, cto, Ctx::default());
            }
        }
        if plan.has_architecture {
            self.emit_architecture(&plan, cto);
        }
        debug_assert_eq!(self.out.len(), self.people);
    }

    fn emit_manager(
        &mut self,
        plan: &Plan,
        layer: usize,
        node: usize,
        manager: usize,
        mut ctx: Ctx,
    ) {
        let kind = plan.kinds[layer - 1];
        let has_senior_directors = plan.kinds.contains(&Kind::SeniorDirector);
        let has_svps = plan.kinds.contains(&Kind::Svp);
        let (level, title) = match kind {
            Kind::Director if !has_senior_directors && self.below(4) == 0 => {
                (M4, "Senior Director of Engineering")
            }
            Kind::Director => (M3, "Director of Engineering"),
            Kind::SeniorDirector => (M4, "Senior Director of Engineering"),
            Kind::Vp if !has_svps && self.below(4) == 0 => {
                (M6, "Senior Vice President of Engineering")
            }
            Kind::Vp => (M5, "Vice President of Engineering"),
            Kind::GroupVp => (M6, "Group Vice President of Engineering"),
            Kind::Svp => (M6, "Senior Vice President of Engineering"),
            Kind::Evp => (M6, "Executive Vice President of Engineering"),
        };
        let department = match kind {
            Kind::Director => {
                let area = self.next_area(ctx.group);
                ctx.area = area;
                numbered(self.areas[area].name, &mut self.area_uses[area])
            }
            Kind::SeniorDirector => match ctx.vp {
                Some(vp) => self.out[vp].department.to_string(),
                None => SMALL_ORG_DEPARTMENT.to_string(),
            },
            Kind::Vp => {
                let group = self.next_group();
                ctx.group = Some(group);
                numbered(GROUPS[group].name, &mut self.group_uses[group])
            }
            Kind::GroupVp | Kind::Svp | Kind::Evp => self.next_division(),
        };
        let city = self.city();
        let record = self.person(level, title.to_string(), &department, city, Status::Active);
        let me = self.add(Some(manager), record);
        match kind {
            Kind::Director => ctx.director = Some(me),
            Kind::Vp => ctx.vp = Some(me),
            _ => {}
        }

        let (first, count) = plan.children(layer, node);
        if layer == 1 {
            for team in first..first + count {
                self.emit_team(plan, team, me, &department, ctx);
            }
            for team in first..first + count {
                for _ in 0..plan.staff_to_director[team] {
                    self.emit_embedded_staff(team, me, &department, ctx);
                }
            }
        } else {
            for child in first..first + count {
                self.emit_manager(plan, layer - 1, child, me, ctx);
            }
        }
    }

    /// Names the next team and records its per-team data; returns its index.
    fn open_team(&mut self, area: usize, director: Option<usize>, vp: Option<usize>) -> usize {
        let name = self.next_team_name(area);
        let city = self.city();
        self.team_names.push(self.strings.intern(&name));
        self.team_city.push(city);
        self.team_director.push(director);
        self.team_vp.push(vp);
        self.team_names.len() - 1
    }

    fn emit_team(&mut self, plan: &Plan, team: usize, manager: usize, department: &str, ctx: Ctx) {
        let index = self.open_team(ctx.area, ctx.director, ctx.vp);
        debug_assert_eq!(index, team, "teams are emitted in plan order");
        let (level, title) = if self.below(4) == 0 {
            (M2, "Senior Engineering Manager")
        } else {
            (M1, "Engineering Manager")
        };
        let city = self.team_city[team];
        let mut record = self.person(level, title.to_string(), department, city, Status::Active);
        record.team = self.team_names[team].clone();
        let em = self.add(Some(manager), record);

        let staff = plan.team_staff[team];
        for _ in plan.staff_to_director[team]..staff {
            self.emit_embedded_staff(team, em, department, ctx);
        }
        let engineers = (plan.team_size[team] as usize).saturating_sub(1 + usize::from(staff));
        for _ in 0..engineers {
            self.emit_engineer(team, em, department);
        }
    }

    fn emit_engineer(&mut self, team: usize, manager: usize, department: &str) {
        let level = match self.below(100) {
            0..20 => IC1,
            20..60 => IC2,
            _ => IC3,
        };
        let mut roll = self.below(100);
        let mut specialty = SPECIALTIES[0].0;
        for (name, weight) in SPECIALTIES {
            if roll < weight {
                specialty = name;
                break;
            }
            roll -= weight;
        }
        let prefix = match level {
            IC1 => "Associate ",
            IC2 => "",
            _ => "Senior ",
        };
        let mut title = String::with_capacity(prefix.len() + specialty.len());
        title.push_str(prefix);
        title.push_str(specialty);
        let status = self.leaf_status();
        let city = if self.below(100) < 85 {
            self.team_city[team]
        } else {
            self.city()
        };
        let mut record = self.person(level, title, department, city, status);
        record.team = self.team_names[team].clone();
        self.add(Some(manager), record);
    }

    fn emit_embedded_staff(&mut self, team: usize, manager: usize, department: &str, ctx: Ctx) {
        let (level, title) = match self.below(1000) {
            0..720 if self.below(10) < 4 => (IC4, "Staff Software Engineer"),
            0..720 => (IC4, "Staff Engineer"),
            720..940 => (IC5, "Principal Engineer"),
            940..997 => (IC6, "Distinguished Engineer"),
            _ => (IC7, "Fellow"),
        };
        let status = self.leaf_status();
        let city = if self.below(100) < 70 {
            self.team_city[team]
        } else {
            self.city()
        };
        let mut record = self.person(level, title.to_string(), department, city, status);
        record.team = self.team_names[team].clone();
        // The home team is supported implicitly; some also help a neighbour.
        if self.below(100) < 12 {
            let same_org = |other: usize| self.team_director[other] == ctx.director;
            let neighbour = if team > 0 && same_org(team - 1) {
                Some(team - 1)
            } else if team + 1 < self.team_names.len() && same_org(team + 1) {
                Some(team + 1)
            } else {
                None
            };
            if let Some(neighbour) = neighbour {
                record.supports.push(self.team_names[neighbour].to_string());
            }
        }
        if self.take_dotted() {
            let target = [ctx.vp, ctx.director, Some(0)]
                .into_iter()
                .flatten()
                .find(|&p| p != manager);
            if let Some(target) = target {
                record.dotted_managers.push(self.out[target].id.to_string());
            }
        }
        self.add(Some(manager), record);
    }

    /// `count` distinct product teams near a random one (architects tend to
    /// work across a neighbourhood of the org).
    fn pick_teams(&mut self, count: usize) -> Vec<usize> {
        let teams = self.team_names.len();
        let count = count.min(teams);
        let mut picked = Vec::with_capacity(count);
        let mut at = self.below(teams.max(1));
        while picked.len() < count {
            while picked.contains(&at) {
                at = (at + 1) % teams;
            }
            picked.push(at);
            at = (at + 1 + self.below(3)) % teams;
        }
        picked
    }

    fn emit_architecture(&mut self, plan: &Plan, cto: usize) {
        let level = if self.people >= 1000 { IC6 } else { IC5 };
        let city = self.city();
        let mut record = self.person(
            level,
            "Chief Architect".to_string(),
            CTO_DEPARTMENT,
            city,
            Status::Active,
        );
        record.team = self.strings.intern(ARCHITECTURE_TEAM);
        record.supports = self
            .pick_teams(2)
            .into_iter()
            .map(|t| self.team_names[t].to_string())
            .collect();
        let head = self.add(Some(cto), record);
        self.emit_architects(plan, 0, head);
    }

    /// The architecture group is a tree of branching [`ARCHITECTURE_SPAN`]
    /// laid out like a heap: node 0 is the head, architects are 1..=n and
    /// node x leads nodes x*span+1 ..= x*span+span.
    fn emit_architects(&mut self, plan: &Plan, node: usize, manager: usize) {
        let first = node * ARCHITECTURE_SPAN + 1;
        let last = (first + ARCHITECTURE_SPAN - 1).min(plan.architects);
        for child in first..=last {
            let leads = child * ARCHITECTURE_SPAN < plan.architects;
            let (level, title, status) = if leads {
                let (level, title) = if self.below(10) < 6 {
                    (IC6, "Distinguished Architect")
                } else {
                    (IC5, "Principal Architect")
                };
                (level, title, Status::Active)
            } else {
                let (level, title) = match self.below(100) {
                    0..30 => (IC4, "Staff Architect"),
                    30..80 => (IC5, "Principal Architect"),
                    80..99 => (IC6, "Distinguished Architect"),
                    _ => (IC7, "Fellow"),
                };
                (level, title, self.leaf_status())
            };
            let city = self.city();
            let mut record = self.person(level, title.to_string(), CTO_DEPARTMENT, city, status);
            record.team = self.strings.intern(ARCHITECTURE_TEAM);
            let count = match self.below(100) {
                0..35 => 2,
                35..75 => 3,
                75..92 => 4,
                _ => 5,
            };
            let supported = self.pick_teams(count);
            if self.take_dotted() {
                let first_team = supported.first().copied();
                let target = first_team.and_then(|t| self.team_vp[t].or(self.team_director[t]));
                if let Some(target) = target {
                    record.dotted_managers.push(self.out[target].id.to_string());
                }
            }
            record.supports = supported
                .into_iter()
                .map(|t| self.team_names[t].to_string())
                .collect();
            let me = self.add(Some(manager), record);
            self.emit_architects(plan, child, me);
        }
    }
}

/// A fast hasher for the team-name set (FxHash's mixing): the names are
/// ours, so SipHash's flooding resistance buys nothing here.
#[derive(Default)]
struct NameHasher(u64);

impl Hasher for NameHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(word))
                .wrapping_mul(0x517c_c1b7_2722_0a95);
        }
    }
}

/// `base` the first time, then `base 2`, `base 3`, …
fn numbered(base: &str, uses: &mut u32) -> String {
    *uses += 1;
    if *uses == 1 {
        base.to_string()
    } else {
        format!("{base} {uses}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Ladder, Org, Policy, TeamKind};
    use std::collections::HashMap;

    fn index_of(records: &[PersonRecord]) -> HashMap<&str, usize> {
        records
            .iter()
            .enumerate()
            .map(|(i, r)| (r.id.as_str(), i))
            .collect()
    }

    /// Number of solid reports per person.
    fn spans(records: &[PersonRecord]) -> Vec<usize> {
        let index = index_of(records);
        let mut spans = vec![0; records.len()];
        for record in records {
            if let Some(&m) = index.get(record.manager_id.as_str()) {
                spans[m] += 1;
            }
        }
        spans
    }

    /// Depth of each person (the root is 0).
    fn depths(records: &[PersonRecord]) -> Vec<usize> {
        let index = index_of(records);
        let mut depth = vec![0; records.len()];
        for (i, record) in records.iter().enumerate() {
            if let Some(&m) = index.get(record.manager_id.as_str()) {
                depth[i] = depth[m] + 1;
            }
        }
        depth
    }

    fn team_members(records: &[PersonRecord]) -> HashMap<&str, Vec<&PersonRecord>> {
        let mut teams: HashMap<&str, Vec<&PersonRecord>> = HashMap::new();
        for record in records.iter().filter(|r| !r.team.is_empty()) {
            teams.entry(&*record.team).or_default().push(record);
        }
        teams
    }

    #[test]
    fn generates_exactly_the_requested_count() {
        for n in [
            0, 1, 2, 3, 4, 5, 6, 7, 12, 20, 49, 50, 60, 99, 100, 150, 300, 1000, 10_000,
        ] {
            let records = generate(n, 7);
            assert_eq!(records.len(), n, "people = {n}");
            for (i, record) in records.iter().enumerate() {
                assert_eq!(record.row, i as u64 + 2);
            }
        }
        let one = generate(1, 1);
        assert_eq!(&*one[0].title, "Chief Technology Officer");
        assert_eq!(&*one[0].level, "M7");
        assert!(one[0].manager_id.is_empty());
    }

    #[test]
    fn is_deterministic_per_seed_and_varies_across_seeds() {
        for n in [7, 300, 5000] {
            assert_eq!(generate(n, 42), generate(n, 42));
            assert_ne!(generate(n, 42), generate(n, 43));
        }
    }

    #[test]
    fn forms_a_single_tree_with_managers_first() {
        for n in [1, 2, 5, 7, 20, 63, 300, 10_000] {
            let records = generate(n, 3);
            let index = index_of(&records);
            assert_eq!(index.len(), n, "ids are unique");
            let roots: Vec<&PersonRecord> =
                records.iter().filter(|r| r.manager_id.is_empty()).collect();
            assert_eq!(roots.len(), 1, "people = {n}");
            assert_eq!(&*roots[0].title, "Chief Technology Officer");
            for (i, record) in records.iter().enumerate().skip(1) {
                let manager = index[record.manager_id.as_str()];
                assert!(manager < i, "{} reports to a later row", record.id);
            }
            assert_eq!(records[0].id, "E000001");
        }
    }

    #[test]
    fn product_teams_are_mostly_five_to_nine() {
        let records = generate(10_000, 11);
        let teams = team_members(&records);
        let product: Vec<usize> = teams
            .iter()
            .filter(|(name, _)| **name != ARCHITECTURE_TEAM)
            .map(|(_, members)| members.len())
            .collect();
        let in_band = product.iter().filter(|&&s| (5..=9).contains(&s)).count();
        assert!(
            in_band * 100 >= product.len() * 90,
            "{in_band} of {}",
            product.len()
        );
        assert!(product.len() > 1000);
        // Each product team has exactly one engineering manager.
        for (name, members) in &teams {
            if *name == ARCHITECTURE_TEAM {
                continue;
            }
            let ems = members
                .iter()
                .filter(|r| r.title.contains("Engineering Manager"))
                .count();
            assert_eq!(ems, 1, "{name}");
            let departments: HashSet<&str> = members.iter().map(|r| &*r.department).collect();
            assert_eq!(departments.len(), 1, "{name}");
            assert_ne!(
                TeamKind::guess_from_name(name),
                TeamKind::Architecture,
                "{name}"
            );
        }
        let platform = teams.keys().filter(|n| n.ends_with(" Platform")).count();
        assert!(
            platform * 10 > product.len(),
            "some platform teams: {platform}"
        );
    }

    #[test]
    fn one_central_architecture_team_of_staff_plus() {
        let ladder = Ladder::default();
        for (n, min_size) in [(100, 3), (300, 3), (10_000, 30)] {
            let records = generate(n, 5);
            let teams = team_members(&records);
            let architecture: Vec<&str> = teams
                .keys()
                .copied()
                .filter(|t| TeamKind::guess_from_name(t) == TeamKind::Architecture)
                .collect();
            assert_eq!(architecture, [ARCHITECTURE_TEAM]);
            let members = &teams[ARCHITECTURE_TEAM];
            assert!(members.len() >= min_size, "{n}: {}", members.len());
            assert!(members.len() <= n / 100 + 3, "{n}: proportionate");
            for member in members {
                assert!(
                    ladder.is_staff_plus(&member.level, &member.title),
                    "{member:?}"
                );
                assert_eq!(&*member.department, CTO_DEPARTMENT);
                assert!((2..=5).contains(&member.supports.len()), "{member:?}");
            }
            if n >= 10_000 {
                assert!(
                    members.iter().any(|m| m.supports.len() > 3),
                    "some overload"
                );
            }
            let head = members
                .iter()
                .find(|m| &*m.title == "Chief Architect")
                .expect("head");
            assert_eq!(head.manager_id, records[0].id);
        }
    }

    #[test]
    fn staff_plus_are_embedded_and_support_real_teams() {
        let ladder = Ladder::default();
        let records = generate(10_000, 9);
        let teams = team_members(&records);
        let product_teams = teams.len() - 1;
        let embedded: Vec<&PersonRecord> = records
            .iter()
            .filter(|r| &*r.team != ARCHITECTURE_TEAM && ladder.is_staff_plus(&r.level, &r.title))
            .collect();
        assert!(
            embedded.len() * 5 >= product_teams && embedded.len() * 2 <= product_teams,
            "{} staff+ for {product_teams} teams",
            embedded.len()
        );
        assert!(embedded.iter().all(|r| !r.team.is_empty()));
        assert!(
            embedded.iter().any(|r| !r.supports.is_empty()),
            "some support a neighbour"
        );
        assert!(embedded.iter().any(|r| &*r.title == "Principal Engineer"));
        let index = index_of(&records);
        let to_director = embedded
            .iter()
            .filter(|r| {
                records[index[r.manager_id.as_str()]]
                    .title
                    .contains("Director")
            })
            .count();
        assert!(to_director > 0 && to_director < embedded.len());
        for record in &records {
            for team in &record.supports {
                assert!(teams.contains_key(team.as_str()), "{team}");
                assert_ne!(team.as_str(), &*record.team);
            }
        }
    }

    #[test]
    fn statuses_costs_and_dotted_lines_look_real() {
        let records = generate(10_000, 13);
        let count = |s: Status| records.iter().filter(|r| r.status == s).count();
        let active = count(Status::Active);
        assert!((9_100..=9_500).contains(&active), "{active}");
        for (status, around) in [
            (Status::Open, 300),
            (Status::Planned, 200),
            (Status::Departing, 200),
        ] {
            let n = count(status);
            assert!(n * 2 > around && n < around * 2, "{status}: {n}");
        }
        let spans = spans(&records);
        for (record, &span) in records.iter().zip(&spans) {
            if span > 0 {
                assert_eq!(record.status, Status::Active, "{record:?}");
            }
            if record.status == Status::Open {
                assert!(record.title.starts_with("Open req: "));
                assert!(record.name.is_empty());
            } else {
                assert!(!record.name.is_empty());
                assert!(record.cost.is_some());
            }
        }
        let dotted = records
            .iter()
            .filter(|r| !r.dotted_managers.is_empty())
            .count();
        assert!((30..=70).contains(&dotted), "{dotted}");
        let index = index_of(&records);
        for record in &records {
            for manager in &record.dotted_managers {
                assert!(index.contains_key(manager.as_str()));
                assert_ne!(manager, &record.manager_id);
                assert_ne!(manager, &record.id);
            }
        }
        let cents: Vec<i64> = records
            .iter()
            .filter_map(|r| r.cost)
            .map(Money::cents)
            .collect();
        assert!(cents.iter().any(|c| c % 100 != 0), "some exact cents");
        assert!(cents.iter().all(|&c| c > 3_000_000 && c < 80_000_000));
        let mean = |level: &str| {
            let costs: Vec<i64> = records
                .iter()
                .filter(|r| &*r.level == level)
                .filter_map(|r| r.cost)
                .map(Money::cents)
                .collect();
            costs.iter().sum::<i64>() / costs.len().max(1) as i64
        };
        assert!(mean("IC1") < mean("IC3") && mean("IC3") < mean("IC5"));
        let locations: HashSet<&str> = records.iter().map(|r| &*r.location).collect();
        assert_eq!(locations.len(), CITIES.len());
    }

    #[test]
    fn spans_are_mostly_four_to_ten_with_some_outliers() {
        for n in [300, 10_000] {
            let records = generate(n, 21);
            let spans: Vec<usize> = spans(&records).into_iter().filter(|&s| s > 0).collect();
            let in_band = spans.iter().filter(|&&s| (4..=10).contains(&s)).count();
            assert!(
                in_band * 100 >= spans.len() * 85,
                "{n}: {in_band} of {}",
                spans.len()
            );
            if n == 10_000 {
                assert!(spans.iter().any(|&s| s <= 3));
                assert!(spans.iter().any(|&s| s >= 11));
                assert!(spans.contains(&1), "a single-report manager");
            }
        }
    }

    #[test]
    fn layers_scale_with_size() {
        let titles_at = |n: usize, depth: usize| -> HashSet<String> {
            let records = generate(n, 2);
            let depths = depths(&records);
            records
                .iter()
                .zip(&depths)
                .filter(|(r, &d)| d == depth && r.team.is_empty())
                .map(|(r, _)| r.title.to_string())
                .collect()
        };
        let vps = titles_at(300, 1);
        assert!(vps.iter().all(|t| t.contains("Vice President")), "{vps:?}");
        let directors = titles_at(300, 2);
        assert!(
            directors.iter().all(|t| t.contains("Director")),
            "{directors:?}"
        );
        let svps = titles_at(10_000, 1);
        assert_eq!(
            svps,
            HashSet::from(["Senior Vice President of Engineering".to_string()])
        );
        assert_eq!(kinds_for(layer_counts(138_000).len()).len(), 5);
        assert_eq!(
            layer_counts(138_000)
                .last()
                .copied()
                .map(|n| n <= MAX_TOP_SPAN),
            Some(true)
        );
        // Tiny orgs: a founding team straight under the CTO, then one EM.
        let tiny = generate(3, 1);
        assert!(tiny[1..]
            .iter()
            .all(|r| r.manager_id == tiny[0].id && r.level.starts_with("IC")));
        let small = generate(7, 1);
        assert!(small[1].title.contains("Engineering Manager"));
        assert!(small[2..].iter().all(|r| r.manager_id == small[1].id));
    }

    #[test]
    fn team_names_are_unique_and_readable() {
        let records = generate(10_000, 17);
        let mut ems = 0;
        let mut names = HashSet::new();
        for record in records
            .iter()
            .filter(|r| r.title.contains("Engineering Manager"))
        {
            ems += 1;
            names.insert(&*record.team);
            assert!(
                !record.team.chars().any(|c| c.is_ascii_digit()),
                "{}",
                record.team
            );
        }
        assert_eq!(names.len(), ems);
        let mut topics = HashSet::new();
        for group in &GROUPS {
            for area in group.areas {
                for topic in area.topics {
                    assert!(topics.insert(topic), "duplicate topic {topic}");
                }
            }
        }
        // Lists run out at a million people; numbers then keep names unique.
        let mut generator = Generator::new(1, 0);
        let names: HashSet<String> = (0..2000).map(|_| generator.next_team_name(0)).collect();
        assert_eq!(names.len(), 2000);
    }

    #[test]
    fn csv_round_trips() {
        let records = generate(300, 4);
        let mut bytes = Vec::new();
        write_csv(&records, &mut bytes).expect("writes");
        let mut reader = csv::Reader::from_reader(bytes.as_slice());
        let header: Vec<String> = reader
            .headers()
            .expect("header")
            .iter()
            .map(str::to_string)
            .collect();
        assert_eq!(header, CSV_COLUMNS);
        let rows: Vec<csv::StringRecord> =
            reader.records().collect::<Result<_, _>>().expect("parses");
        assert_eq!(rows.len(), records.len());
        let split = |field: &str| -> Vec<String> {
            if field.is_empty() {
                Vec::new()
            } else {
                field.split(';').map(str::to_string).collect()
            }
        };
        for (row, record) in rows.iter().zip(&records) {
            assert_eq!(row.len(), 12);
            assert_eq!(&row[0], record.id);
            assert_eq!(&row[1], record.manager_id);
            assert_eq!(&row[2], record.name);
            assert_eq!(&row[3], &*record.title);
            assert_eq!(&row[4], &*record.team);
            assert_eq!(&row[5], &*record.level);
            let cost = (!row[6].is_empty()).then(|| Money::parse(&row[6]).expect("money"));
            assert_eq!(cost, record.cost);
            assert_eq!(&row[7], &*record.location);
            assert_eq!(row[8].parse::<Status>(), Ok(record.status));
            assert_eq!(&row[8], record.status.as_str());
            assert_eq!(&row[9], &*record.department);
            assert_eq!(split(&row[10]), record.supports);
            assert_eq!(split(&row[11]), record.dotted_managers);
        }
        let text = String::from_utf8(bytes).expect("utf-8");
        assert!(text.starts_with("id,manager_id,name,title,team,level,cost,location,status,department,supports,dotted_managers\n"));
    }

    #[test]
    fn builds_a_valid_org_without_findings() {
        for n in [1, 4, 7, 20, 80, 300, 10_000] {
            let records = generate(n, 8);
            let (org, findings) =
                Org::from_records(records, "gen.csv", Ladder::default(), Policy::default())
                    .unwrap_or_else(|f| panic!("people = {n}: {f:?}"));
            assert_eq!(org.len(), n);
            assert!(findings.is_empty(), "people = {n}: {findings:?}");
            if n >= 300 {
                let architecture = org
                    .teams()
                    .iter()
                    .filter(|t| t.kind == TeamKind::Architecture)
                    .count();
                assert_eq!(architecture, 1);
                assert!(org.teams().iter().any(|t| t.kind == TeamKind::Platform));
                assert!(!org.support_assignments().is_empty());
                assert!(!org.dotted_lines().is_empty());
            }
        }
    }
}
