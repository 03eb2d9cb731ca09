//! Saving the all-central what-if with and without home-team support.

use super::*;

#[test]
fn each_all_central_choice_saves_exactly_the_board_it_previewed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("demo.orgraph");
    let mut session = Session::open_or_seed(&path).expect("seeded");
    let as_is = session.staff_plus(WhatIf::AsIs).expect("board").board;
    let kept = session.staff_plus(WhatIf::AllCentral).expect("preview");
    let dropped = session
        .staff_plus(WhatIf::AllCentralDropHomeSupport)
        .expect("preview");
    assert_eq!(kept.board.summary.covered, as_is.summary.covered);
    assert!(
        dropped.board.summary.covered < kept.board.summary.covered,
        "the demo embeds engineers whose team has no other supporter"
    );
    assert_eq!(kept.home_support, dropped.home_support);
    for (name, what_if, preview) in [
        ("kept", WhatIf::AllCentral, &kept),
        ("dropped", WhatIf::AllCentralDropHomeSupport, &dropped),
    ] {
        session.switch_to(BASELINE).expect("baseline");
        session.save_what_if(name, what_if).expect("saved");
        assert_eq!(session.scenario().head as usize, preview.changes.len());
        let saved = session.staff_plus(WhatIf::AsIs).expect("board").board;
        assert_eq!(saved, preview.board, "{name}");
        assert_eq!(
            session.summary().coverage.covered,
            preview.board.summary.covered
        );
    }
}
