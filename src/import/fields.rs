//! The fields a source column can map to, and the header spellings of the
//! common HRIS exports that map to each.

use std::fmt;
use std::str::FromStr;

/// What a column holds. Columns are matched on their header, case- and
/// punctuation-insensitively; `--map COLUMN=FIELD` overrides the match.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    Id,
    /// A second unique key some exports carry beside the id (BambooHR's
    /// employee number); manager columns may refer to either.
    EmployeeNumber,
    /// The manager reference: an id, e-mail, "First Last", "Last, First"
    /// or "Org Name (Manager Name)".
    Manager,
    Name,
    FirstName,
    LastName,
    Email,
    Title,
    Team,
    /// The team's display name beside its id; alone, it is the team.
    TeamName,
    /// Teams this person leads.
    Leads,
    Department,
    /// A level above departments; used as the department when a file has
    /// departments only as teams.
    Division,
    Level,
    Cost,
    Location,
    Status,
    TeamKind,
    Supports,
    DottedManagers,
    StartDate,
    EndDate,
    /// Read nothing from this column (`--map COLUMN=ignore`).
    Ignore,
}

impl Field {
    pub const ALL: [Field; 23] = [
        Field::Id,
        Field::EmployeeNumber,
        Field::Manager,
        Field::Name,
        Field::FirstName,
        Field::LastName,
        Field::Email,
        Field::Title,
        Field::Team,
        Field::TeamName,
        Field::Leads,
        Field::Department,
        Field::Division,
        Field::Level,
        Field::Cost,
        Field::Location,
        Field::Status,
        Field::TeamKind,
        Field::Supports,
        Field::DottedManagers,
        Field::StartDate,
        Field::EndDate,
        Field::Ignore,
    ];

    /// The field a header names, if any. Covers the export headers of
    /// BambooHR, Workday, ADP, HiBob, Personio, Rippling, SuccessFactors and
    /// our own CSV.
    pub fn from_header(header: &str) -> Option<Field> {
        let key = normalise(header);
        known_header(&key)
            .or_else(|| super::spellings::localised(&key))
            .or_else(|| super::spellings::by_shape(&key))
    }
}

/// The field of a header the English exports spell exactly so.
fn known_header(key: &str) -> Option<Field> {
    Some(match key {
        "id" | "employeeid" | "personid" | "rootid" | "associateid" | "userid" | "workdayid"
        | "workeremployeeid" => Field::Id,
        "employeenumber"
        | "employee"
        | "workemployeeidincompany"
        | "employeeno"
        | "personnelnumber" => Field::EmployeeNumber,
        "managerid"
        | "manager"
        | "reportsto"
        | "supervisorid"
        | "supervisoreid"
        | "supervisoremail"
        | "supervisor"
        | "reportstoassociateid"
        | "workreportsto"
        | "workreportstoid"
        | "reportstoid"
        | "manageremail"
        | "managername"
        | "linemanager"
        | "managerworkerid"
        | "managerassociateid" => Field::Manager,
        "name" | "fullname" | "displayname" | "employeename" | "rootfullname"
        | "rootdisplayname" | "preferredfullname" | "worker" | "employeefullname" => Field::Name,
        "firstname" | "givenname" | "legalfirstname" | "rootfirstname" | "first" => {
            Field::FirstName
        }
        "lastname" | "surname" | "familyname" | "legallastname" | "rootsurname"
        | "rootlastname" | "last" => Field::LastName,
        "email" | "workemail" | "rootemail" | "emailaddress" | "workemailaddress"
        | "businessemail" | "primaryworkemail" => Field::Email,
        "title"
        | "jobtitle"
        | "businesstitle"
        | "jobtitledescription"
        | "worktitle"
        | "position"
        | "positiontitle"
        | "jobprofile" => Field::Title,
        "team" | "supervisoryorganization" | "workteam" | "teamid" => Field::Team,
        "teamname" | "teamdisplayname" => Field::TeamName,
        "leads" | "leadsteams" | "teamslead" => Field::Leads,
        "department"
        | "homedepartmentdescription"
        | "homedepartment"
        | "workdepartment"
        | "costcenter"
        | "departmentname" => Field::Department,
        "division" | "workdivision" | "businessunit" => Field::Division,
        "level" | "grade" | "joblevel" | "paygrade" | "careerlevel" | "managementlevel" => {
            Field::Level
        }
        "cost" | "salary" | "annualcost" | "annualsalary" | "basesalary" | "compensation"
        | "annualbasesalary" => Field::Cost,
        "location"
        | "office"
        | "worksite"
        | "worklocation"
        | "site"
        | "locationdescription"
        | "worklocationname"
        | "locationname" => Field::Location,
        "status" => Field::Status,
        "teamkind" => Field::TeamKind,
        "supports" | "supportedteams" => Field::Supports,
        "dottedmanagers" | "dottedmanagerids" | "dottedlinemanagers" | "matrixmanager"
        | "matrixmanagerid" | "dottedlinemanager" => Field::DottedManagers,
        "startdate" | "targetdate" | "hiredate" | "originalhiredate" | "workstartdate" => {
            Field::StartDate
        }
        "enddate" | "leavingdate" | "terminationdate" => Field::EndDate,
        _ => return None,
    })
}

impl Field {
    /// Whether the field describes a row's team rather than its person: a
    /// row with no id whose only values are in such columns declares a
    /// team (the CSV export writes one for each team without members).
    pub(crate) fn describes_team(self) -> bool {
        matches!(
            self,
            Field::Team | Field::TeamName | Field::TeamKind | Field::Department | Field::Division
        )
    }

    /// The name used in findings and by `--map`.
    pub fn name(self) -> &'static str {
        match self {
            Field::Id => "id",
            Field::EmployeeNumber => "employee_number",
            Field::Manager => "manager_id",
            Field::Name => "name",
            Field::FirstName => "first_name",
            Field::LastName => "last_name",
            Field::Email => "email",
            Field::Title => "title",
            Field::Team => "team",
            Field::TeamName => "team_name",
            Field::Leads => "leads",
            Field::Department => "department",
            Field::Division => "division",
            Field::Level => "level",
            Field::Cost => "cost",
            Field::Location => "location",
            Field::Status => "status",
            Field::TeamKind => "team_kind",
            Field::Supports => "supports",
            Field::DottedManagers => "dotted_managers",
            Field::StartDate => "start_date",
            Field::EndDate => "end_date",
            Field::Ignore => "ignore",
        }
    }
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Field {
    type Err = String;
    fn from_str(text: &str) -> Result<Field, String> {
        let wanted = normalise(text);
        Field::ALL
            .into_iter()
            .find(|field| normalise(field.name()) == wanted)
            .or_else(|| (wanted == "manager").then_some(Field::Manager))
            .ok_or_else(|| {
                let names: Vec<&str> = Field::ALL.iter().map(|f| f.name()).collect();
                format!(
                    "'{text}' is not a field (expected one of {})",
                    names.join(", ")
                )
            })
    }
}

/// Lowercase ASCII letters and digits only, so "Employee #", "employee_id"
/// and "work.reportsTo" compare by their words. Accented Latin letters
/// fold to their base letters ("Responsable hiérarchique", "Número",
/// "Führungskraft"), as European exports write their headers.
pub fn normalise(header: &str) -> String {
    let mut out = String::with_capacity(header.len());
    for c in header.trim_start_matches('\u{feff}').chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !c.is_ascii() {
            out.push_str(fold(c));
        }
    }
    out
}

/// The ASCII letters an accented Latin letter is written with when
/// accents are dropped; "" for anything else.
fn fold(c: char) -> &'static str {
    match c.to_lowercase().next().unwrap_or(c) {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ą' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'č' => "c",
        'ď' | 'đ' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ę' | 'ě' => "e",
        'ì' | 'í' | 'î' | 'ï' | 'ī' => "i",
        'ł' | 'ľ' => "l",
        'ñ' | 'ń' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => "o",
        'œ' => "oe",
        'ř' => "r",
        'ß' => "ss",
        'ś' | 'š' | 'ş' => "s",
        'ť' | 'ţ' => "t",
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => "u",
        'ý' | 'ÿ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_of_each_dialect_map() {
        for (header, field) in [
            ("Employee #", Field::EmployeeNumber),
            ("supervisorEId", Field::Manager),
            ("Reports To", Field::Manager),
            ("Employee_ID", Field::Id),
            ("Business_Title", Field::Title),
            ("Supervisory_Organization", Field::Team),
            ("Cost_Center", Field::Department),
            ("Associate ID", Field::Id),
            ("Reports To Associate ID", Field::Manager),
            ("Job Title Description", Field::Title),
            ("Home Department Description", Field::Department),
            ("root.id", Field::Id),
            ("work.reportsTo", Field::Manager),
            ("work.site", Field::Location),
            ("Supervisor", Field::Manager),
            ("Position", Field::Title),
            ("Office", Field::Location),
            ("workLocation", Field::Location),
            ("USERID", Field::Id),
            ("MATRIX_MANAGER", Field::DottedManagers),
            ("first_name", Field::FirstName),
            ("salary", Field::Cost),
        ] {
            assert_eq!(Field::from_header(header), Some(field), "{header}");
        }
        assert_eq!(Field::from_header("Favourite colour"), None);
    }

    #[test]
    fn accents_fold_to_their_letters() {
        assert_eq!(
            normalise("Responsable hiérarchique"),
            "responsablehierarchique"
        );
        assert_eq!(normalise("Número de empleado"), "numerodeempleado");
        assert_eq!(normalise("FÜHRUNGSKRAFT"), "fuhrungskraft");
        assert_eq!(normalise("Straße"), "strasse");
        assert_eq!(normalise("\u{feff}Employee #"), "employee");
    }

    #[test]
    fn field_names_parse_back() {
        for field in Field::ALL {
            assert_eq!(field.name().parse::<Field>(), Ok(field));
        }
        assert_eq!("Manager".parse::<Field>(), Ok(Field::Manager));
        assert!("salary2".parse::<Field>().is_err());
    }
}
