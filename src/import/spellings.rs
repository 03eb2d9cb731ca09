//! Header spellings beyond the English exports' exact ones: German, French
//! and Spanish exports, and the shapes id and manager headers take in HRIS
//! APIs ("EmpID", "Staff ID", "manager_uuid", "work.reportsToIdInCompany").
//! Keys are headers as [`super::fields::normalise`] leaves them: lowercase
//! ASCII letters and digits, accents folded.

use super::fields::Field;

/// The field of a German, French or Spanish export header. Only fields
/// read as text are mapped: these exports write dates as 31.03.2027 or
/// 31/03/2027, amounts as 65.000,50 and statuses as "aktiv"/"actif",
/// which the date, money and status parsers read as errors or, for a
/// decimal comma, as a hundred times the amount. Such columns stay
/// unread unless `--map` names them.
pub(super) fn localised(key: &str) -> Option<Field> {
    Some(match key {
        // German (SAP, Personio, DATEV exports).
        "personalnummer" | "personalnr" | "persnr" | "mitarbeiterid" | "mitarbeiternummer"
        | "mitarbeiternr" => Field::Id,
        "vorgesetzter"
        | "vorgesetzte"
        | "vorgesetzterin"
        | "direktervorgesetzter"
        | "fuhrungskraft"
        | "vorgesetzterid"
        | "vorgesetztername"
        | "vorgesetzteremail"
        | "vorgesetzterpersonalnummer"
        | "personalnummervorgesetzter"
        | "fuhrungskraftid"
        | "fuhrungskraftname" => Field::Manager,
        "vollstandigername" | "mitarbeitername" => Field::Name,
        "vorname" => Field::FirstName,
        "nachname" | "familienname" => Field::LastName,
        "emailadresse" | "geschaftlicheemail" | "geschaftlicheemailadresse" => Field::Email,
        "stellenbezeichnung" | "jobtitel" | "berufsbezeichnung" | "funktion" | "stelle" => {
            Field::Title
        }
        "abteilung" | "kostenstelle" => Field::Department,
        "bereich" | "geschaftsbereich" => Field::Division,
        "standort" | "arbeitsort" | "buro" => Field::Location,
        "stufe" | "karrierestufe" => Field::Level,
        // French.
        "matricule" | "matriculesalarie" | "identifiant" | "idsalarie" | "numerodemploye"
        | "numerodesalarie" | "numerosalarie" | "numeroemploye" => Field::Id,
        "responsablehierarchique"
        | "responsable"
        | "superieurhierarchique"
        | "n1"
        | "matriculeduresponsable"
        | "matriculeresponsable"
        | "matriculemanager"
        | "matriculedumanager"
        | "nomduresponsable"
        | "emailduresponsable"
        | "responsablehierarchiquematricule" => Field::Manager,
        "nomcomplet" | "nomprenom" | "prenomnom" => Field::Name,
        "prenom" => Field::FirstName,
        "nom" | "nomdefamille" => Field::LastName,
        "courriel" | "adresseemail" | "adressemail" | "emailprofessionnel" | "mail" => Field::Email,
        "poste" | "intituleduposte" | "intituledeposte" | "fonction" | "emploi" => Field::Title,
        "service" | "departement" => Field::Department,
        "direction" => Field::Division,
        "equipe" => Field::Team,
        "lieudetravail" | "etablissement" | "lieu" => Field::Location,
        "niveau" => Field::Level,
        // Spanish.
        "numerodeempleado" | "numeroempleado" | "iddeempleado" | "idempleado" | "legajo"
        | "codigodeempleado" | "codigoempleado" => Field::Id,
        "jefedirecto"
        | "jefeinmediato"
        | "jefe"
        | "superiorinmediato"
        | "superiordirecto"
        | "iddeljefe"
        | "idjefe"
        | "numerodeempleadodeljefe"
        | "nombredeljefe"
        | "correodeljefe"
        | "jefedirectoid" => Field::Manager,
        "nombrecompleto" | "nombreyapellidos" | "nombredelempleado" => Field::Name,
        "nombre" => Field::FirstName,
        "apellido" | "apellidos" | "primerapellido" => Field::LastName,
        "correo" | "correoelectronico" | "correoelectronicodeltrabajo" | "correocorporativo" => {
            Field::Email
        }
        "puesto" | "cargo" | "puestodetrabajo" => Field::Title,
        "departamento" => Field::Department,
        "equipo" => Field::Team,
        "ubicacion" | "sede" | "oficina" | "centrodetrabajo" => Field::Location,
        "nivel" => Field::Level,
        _ => return None,
    })
}

/// Words naming a person's manager in a header, longest first so
/// "vorgesetzter" is not read as "vorgesetzte" and an "r".
const MANAGER_WORDS: [&str; 6] = [
    "vorgesetzter",
    "supervisor",
    "reportsto",
    "manager",
    "superior",
    "boss",
];

/// What may follow a manager word: the key the column refers by.
const REFERENCE_KEYS: [&str; 29] = [
    "personnelnumber",
    "staffid",
    "staffnumber",
    "empid",
    "employeeno",
    "",
    "id",
    "uuid",
    "guid",
    "eid",
    "key",
    "ref",
    "code",
    "email",
    "emailaddress",
    "workemail",
    "name",
    "fullname",
    "displayname",
    "number",
    "no",
    "employeeid",
    "employeenumber",
    "employeeuuid",
    "workerid",
    "associateid",
    "personid",
    "userid",
    "idincompany",
];

/// Words before a manager word that make it some other manager than the
/// person's line manager.
const OTHER_ROLES: [&str; 14] = [
    "skip", "second", "hiring", "account", "project", "product", "program", "budget", "payroll",
    "recruit", "previous", "former", "old", "next",
];

/// Words a person's own key column starts with ("Emp ID", "Staff ID").
const PERSON_WORDS: [&str; 14] = [
    "",
    "emp",
    "ee",
    "employee",
    "worker",
    "staff",
    "person",
    "personnel",
    "associate",
    "member",
    "user",
    "people",
    "root",
    "work",
];

/// The field an id- or manager-shaped header names: a manager word with a
/// key after it ("Manager UUID", "reportsTo.email", "Supervisor Name"), or
/// a person word with a key ("EEID", "Worker ID", "uuid").
pub(super) fn by_shape(key: &str) -> Option<Field> {
    if let Some(field) = manager_shaped(key) {
        return Some(field);
    }
    let person_key = |suffixes: &[&str]| {
        PERSON_WORDS.iter().any(|word| {
            key.strip_prefix(word)
                .map(|rest| rest.strip_prefix("employee").unwrap_or(rest))
                .is_some_and(|rest| suffixes.contains(&rest))
        })
    };
    if person_key(&["id", "uuid", "guid", "code", "key"]) {
        Some(Field::Id)
    } else if person_key(&["number", "no", "nr", "num"]) {
        Some(Field::EmployeeNumber)
    } else {
        None
    }
}

fn manager_shaped(key: &str) -> Option<Field> {
    let (before, after) = MANAGER_WORDS.iter().find_map(|word| {
        key.find(word)
            .map(|at| (&key[..at], &key[at + word.len()..]))
    })?;
    if !REFERENCE_KEYS.contains(&after) {
        return None;
    }
    // "Is Manager" is a flag, "Matrix Manager" a dotted line, "Skip
    // Manager" someone else's manager, and a "Hiring Manager" or "HR
    // Manager" is not the line manager.
    if ["is", "has", "hr"].contains(&before) || OTHER_ROLES.iter().any(|r| before.contains(r)) {
        None
    } else if before.contains("matrix") || before.contains("dotted") {
        Some(Field::DottedManagers)
    } else {
        Some(Field::Manager)
    }
}

#[cfg(test)]
mod tests {
    use super::super::fields::Field;

    #[test]
    fn id_and_manager_headers_of_every_shape_map() {
        for (header, field) in [
            ("EmpID", Field::Id),
            ("Emp ID", Field::Id),
            ("EEID", Field::Id),
            ("Worker ID", Field::Id),
            ("Staff ID", Field::Id),
            ("Associate ID", Field::Id),
            ("uuid", Field::Id),
            ("employee_uuid", Field::Id),
            ("Employee Number", Field::EmployeeNumber),
            ("Employee No", Field::EmployeeNumber),
            ("Staff Number", Field::EmployeeNumber),
            ("Personnel Number", Field::EmployeeNumber),
            ("Reports To Name", Field::Manager),
            ("Manager Name", Field::Manager),
            ("Supervisor Name", Field::Manager),
            ("Supervisor", Field::Manager),
            ("manager_uuid", Field::Manager),
            ("work.reportsToIdInCompany", Field::Manager),
            ("work.manager.id", Field::Manager),
            ("manager.email", Field::Manager),
            ("reportsTo.displayName", Field::Manager),
            ("Line Manager Employee Number", Field::Manager),
            ("Supervisor Personnel Number", Field::Manager),
            ("Manager Emp ID", Field::Manager),
            ("Matrix Manager ID", Field::DottedManagers),
        ] {
            assert_eq!(Field::from_header(header), Some(field), "{header}");
        }
        for header in [
            "Is Manager",
            "Manager Level",
            "Skip Manager",
            "Team UUID",
            "Notes",
        ] {
            assert_eq!(Field::from_header(header), None, "{header}");
        }
    }

    #[test]
    fn german_french_and_spanish_headers_map() {
        for (header, field) in [
            ("Personalnummer", Field::Id),
            ("Vorgesetzter", Field::Manager),
            ("Führungskraft", Field::Manager),
            ("Vorname", Field::FirstName),
            ("Nachname", Field::LastName),
            ("Abteilung", Field::Department),
            ("Matricule", Field::Id),
            ("Responsable hiérarchique", Field::Manager),
            ("Prénom", Field::FirstName),
            ("Intitulé du poste", Field::Title),
            ("Équipe", Field::Team),
            ("Número de empleado", Field::Id),
            ("Jefe directo", Field::Manager),
            ("Apellidos", Field::LastName),
            ("Correo electrónico", Field::Email),
            ("Ubicación", Field::Location),
        ] {
            assert_eq!(Field::from_header(header), Some(field), "{header}");
        }
        for header in [
            "Gehalt",
            "Eintrittsdatum",
            "Salaire",
            "Date d'entrée",
            "Estado",
        ] {
            assert_eq!(Field::from_header(header), None, "{header}");
        }
    }
}
