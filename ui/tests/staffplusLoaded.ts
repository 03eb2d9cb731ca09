// The Staff+ board's stores on the backend's `staffplus` org, loaded and
// synced, with the calls made so far forgotten: what the board's tests
// start from.

import { ScenarioStore } from "../src/lib/scenarios.svelte";
import { StaffPlusStore } from "../src/lib/staffplus.svelte";
import { OrgStore } from "../src/lib/store.svelte";
import { fakeBackend } from "./fixtures";

export async function loadedStaffPlus() {
  const backend = fakeBackend("staffplus");
  const org = new OrgStore(backend);
  const scenarios = new ScenarioStore(backend, org);
  await Promise.all([org.load(), scenarios.load()]);
  const staff = new StaffPlusStore(backend, scenarios, org);
  await staff.sync();
  backend.calls.length = 0;
  return { backend, org, scenarios, staff };
}
