//! The generator's vocabulary: levels, base costs, specialties, cities and
//! names, and the org names (VP groups, their areas, each area's team
//! topics, the divisions above VPs and the facets of reused topics).

pub(super) const IC1: usize = 0;
pub(super) const IC2: usize = 1;
pub(super) const IC3: usize = 2;
pub(super) const IC4: usize = 3;
pub(super) const IC5: usize = 4;
pub(super) const IC6: usize = 5;
pub(super) const IC7: usize = 6;
pub(super) const M1: usize = 7;
pub(super) const M2: usize = 8;
pub(super) const M3: usize = 9;
pub(super) const M4: usize = 10;
pub(super) const M5: usize = 11;
pub(super) const M6: usize = 12;
pub(super) const M7: usize = 13;

#[rustfmt::skip]
pub(super) const LEVEL_CODES: [&str; 14] = [
    "IC1", "IC2", "IC3", "IC4", "IC5", "IC6", "IC7", "M1", "M2", "M3", "M4", "M5", "M6", "M7",
];

/// Typical annual cost per level in whole currency units, before the ±12%
/// individual spread and the location factor.
#[rustfmt::skip]
pub(super) const BASE_COST: [i64; 14] = [
    110_000, 135_000, 170_000, 215_000, 280_000, 350_000, 430_000, // IC1–IC7
    195_000, 225_000, 265_000, 305_000, 350_000, 400_000, 450_000, // M1–M7
];

/// Engineer specialties with their weights (summing to 100).
pub(super) const SPECIALTIES: [(&str, usize); 7] = [
    ("Software Engineer", 62),
    ("Backend Engineer", 10),
    ("Frontend Engineer", 9),
    ("Site Reliability Engineer", 6),
    ("Mobile Engineer", 5),
    ("Data Engineer", 4),
    ("Machine Learning Engineer", 4),
];

pub(super) struct City {
    pub(super) name: &'static str,
    /// Share of people, in percent (the weights sum to 100).
    pub(super) weight: usize,
    /// Cost factor in thousandths.
    pub(super) cost_factor: i64,
}

#[rustfmt::skip]
pub(super) const CITIES: [City; 10] = [
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
pub(super) const FIRST_NAMES: [&str; 100] = [
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
pub(super) const LAST_NAMES: [&str; 100] = [
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

// Org names: VP groups, their areas (director orgs) and each area's topics
// (team names). Topics are distinct across all areas.

pub(super) struct Area {
    /// The director org's name, used as the department.
    pub(super) name: &'static str,
    pub(super) topics: [&'static str; 8],
}

pub(super) struct Group {
    /// The VP org's name.
    pub(super) name: &'static str,
    pub(super) areas: &'static [Area],
}

#[rustfmt::skip]
pub(super) const GROUPS: [Group; 6] = [
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
pub(super) const DIVISIONS: [&str; 8] = [
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
pub(super) const FACETS: [&str; 12] = [
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
pub(super) const PLATFORM_PERCENT: usize = 18;
