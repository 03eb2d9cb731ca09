//! The IPC commands, declared once each in `commands.in`.
//!
//! # Adding a command
//!
//! 1. Write the work in the core (`orgraph`), where the CLI can use it too.
//! 2. Add one declaration to `commands.in`:
//!
//!    ```text
//!    /// What it does (the command's doc).
//!    my_command(some_id: String, depth: u32) -> MyResultDto
//!        = session |s| Ok(MyResultDto::from(s.my_core_function(&some_id, depth)?));
//!    ```
//!
//!    `session |s| …` runs on the blocking pool with the open session locked;
//!    `app |app| …` runs on the async runtime with the managed state and the
//!    calling window (see [`crate::ipc`]). Arguments and result must
//!    implement `ts_rs::TS` (and `Deserialize` / `Serialize`); a binary
//!    answer is [`Bytes`], a stream to the UI a [`TypedChannel`]. A body
//!    longer than a line goes in [`handlers`].
//! 3. Call it from `ui/src/lib/platform.ts`.
//!
//! From that one declaration come the `#[tauri::command]` function, its
//! entry in [`handler`], its name in [`NAMES`], the `allow-my-command`
//! permission and its grant in `capabilities/default.json` (both written by
//! `build.rs`).

mod handlers;

use crate::dto::{
    ChangeDto, ChangeRequest, ComparisonDto, DashboardDto, DashboardRequest, ExportRequest,
    ExportResult, ImportDetectionDto, ImportProgressDto, ImportRequest, ImportResultDto,
    LadderLevelDto, MetricsSummary, PeopleTableDto, PersonDetails, PlaceholderDto, PlanDto,
    PolicyDto, RecentWorkspace, ScenarioState, SettingsDto, SnapshotDto, StaffPlusBoardDto,
    TeamDto, WhatIfDto, WorkspaceInfo, SNAPSHOTS_SHOWN,
};
use crate::ipc::commands;
use crate::ipc::{Bytes, TypedChannel};
use orgraph::PersonId;

include!("commands.in");
