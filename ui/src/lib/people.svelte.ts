// The People view's state and actions: the table's extra columns (fetched
// once per change to what is on show), sort keys and filters, inline edits,
// adding and removing people. Edits go through `ScenarioStore.apply`, so they
// are validated by the core, persisted, undoable and reload chart and metrics.

import type { EnteredChange, PeopleTable, Status } from "../generated";
import type { Edit } from "./edits";
import { toAppError } from "./errors";
import { displayName } from "./format";
import {
  filterRows,
  NO_FILTER,
  PeopleData,
  positions,
  sortRows,
  STATUS_LABELS,
  type ColumnId,
  type EditableField,
  type PeopleFilter,
  type SortKey,
  clickSort,
  costText,
} from "./people";
import type { Platform } from "./platform";
import type { ScenarioStore } from "./scenarios.svelte";
import type { OrgStore, UiError } from "./store.svelte";

/** What the Add person form holds (all text as typed). */
export interface NewPersonForm {
  id: string;
  name: string;
  title: string;
  level: string;
  location: string;
  teamId: string | null;
  managerId: string | null;
  status: Status;
  /** Start date, or the target date of an open req or planned hire (YYYY-MM-DD). */
  startDate: string;
  cost: string;
}

export function emptyForm(managerId: string | null = null): NewPersonForm {
  return {
    id: "",
    name: "",
    title: "",
    level: "",
    location: "",
    teamId: null,
    managerId,
    status: "open",
    startDate: "",
    cost: "",
  };
}

/** True for statuses that are not (yet) a person on payroll. */
export function isVacancy(status: Status): boolean {
  return status === "open" || status === "planned";
}

/** Why the form can't be sent as it is, or null when it can. */
export function checkForm(form: NewPersonForm): string | null {
  if (!isVacancy(form.status) && form.name.trim() === "") {
    return "Give the person a name, or make them an open req or planned hire.";
  }
  if (form.name.trim() === "" && form.title.trim() === "") return "Give the open req a title.";
  if (form.startDate !== "" && !/^\d{4}-\d{2}-\d{2}$/.test(form.startDate)) {
    return "Give the date as YYYY-MM-DD.";
  }
  return null;
}

/** The request the Add person form sends: the cost and date as typed, parsed by the core. */
export function toNewPerson(form: NewPersonForm): EnteredChange {
  return {
    kind: "enter-person",
    person: {
      id: form.id.trim() === "" ? null : form.id.trim(),
      name: form.name.trim(),
      title: form.title.trim(),
      level: form.level.trim(),
      location: form.location.trim(),
      cost: form.cost.trim(),
      status: form.status,
      team: form.teamId,
      start_date: form.startDate.trim(),
    },
    manager: form.managerId,
  };
}

/** The request an inline edit sends; `value` is the text typed or the option chosen. */
export function editRequest(person: string, field: EditableField, value: string | null): Edit {
  switch (field) {
    case "team":
      return { kind: "edit-person", person, edit: { field: "team", value: value === "" ? null : value } };
    case "status":
      return { kind: "edit-person", person, edit: { field: "status", value: (value ?? "active") as Status } };
    case "cost":
      // Typed text: the core parses the amount exactly, or refuses it.
      return { kind: "enter-value", person, field: "cost", value: (value ?? "").trim() };
    case "title":
    case "level":
      return { kind: "edit-person", person, edit: { field, value: (value ?? "").trim() } };
  }
}

/** What the table was doing when refused: an inline edit of a field, an add or a remove. */
export type PeopleAction = EditableField | "add" | "remove";

/** Edits of fields the chart nodes carry and the people table does not. */
const NODE_FIELDS: ReadonlySet<PeopleAction> = new Set(["title", "level", "status"]);

/** The wording of a refused edit, chosen by code (the core parsed the value). */
export function describeEditError(error: UiError, action: PeopleAction, typed: string): string {
  if (error.code === "invalid-input" && action === "cost") {
    return `“${typed.trim()}” isn't an amount. Type the annual cost in digits, such as 125000 or 125,000.50 (empty clears it).`;
  }
  return error.message;
}

function labelOf(field: EditableField): string {
  return field === "cost" ? "annual cost" : field;
}

const stores = new WeakMap<OrgStore, PeopleStore>();

/** One People store per app, so sort and filters survive switching tabs. */
export function peopleStoreFor(platform: Platform, org: OrgStore, scenarios: ScenarioStore): PeopleStore {
  let store = stores.get(org);
  if (!store) {
    store = new PeopleStore(platform, org, scenarios);
    stores.set(org, store);
  }
  return store;
}

export class PeopleStore {
  table = $state.raw<PeopleTable | null>(null);
  /** The scenario revision `table` was fetched at. */
  loadedRevision = $state(-1);
  loadError = $state.raw<UiError | null>(null);
  sort = $state.raw<SortKey[]>([]);
  filter = $state.raw<PeopleFilter>(NO_FILTER);
  /** The last refused edit, add or remove, worded for the table. */
  error = $state.raw<UiError | null>(null);
  saving = $state(false);

  /**
   * The chart nodes joined with the table. Right after an add or remove the
   * nodes are reloaded before the table is: until both line up the previous
   * data stays on show rather than the table blinking empty.
   */
  data: PeopleData | null = $derived.by(() => {
    const table = this.table;
    const nodes = this.org.nodes;
    // A table older than what is on show would be joined only to be thrown
    // away when the fresh one arrives (and re-ranking 100k rows is not free).
    const current = this.loadedRevision === this.scenarios.revision;
    if (table && current && table.location.length === nodes.length) this.#lastData = new PeopleData(nodes, table);
    return this.#lastData;
  });
  #lastData: PeopleData | null = null;
  /** Every row, sorted (indices into the nodes). */
  order: Uint32Array = $derived(this.data ? sortRows(this.data, this.sort) : new Uint32Array(0));
  /** The rows shown: sorted, then filtered. */
  rows: Uint32Array = $derived(this.data ? filterRows(this.data, this.order, this.filter) : new Uint32Array(0));
  #positions: { rows: Uint32Array; at: Int32Array } | null = null;

  readonly #platform: Platform;
  readonly org: OrgStore;
  readonly scenarios: ScenarioStore;
  #token = 0;
  #inflight: { revision: number; promise: Promise<void> } | null = null;

  constructor(platform: Platform, org: OrgStore, scenarios: ScenarioStore) {
    this.#platform = platform;
    this.org = org;
    this.scenarios = scenarios;
  }

  /**
   * Fetches the table's columns unless they are current for what is on show
   * (or already being fetched for it: the view's effect and an edit both ask).
   */
  load(): Promise<void> {
    const revision = this.scenarios.revision;
    if (revision === this.loadedRevision && this.table !== null) return Promise.resolve();
    if (this.#inflight?.revision === revision) return this.#inflight.promise;
    const promise = this.#fetch(revision);
    this.#inflight = { revision, promise };
    return promise;
  }

  async #fetch(revision: number): Promise<void> {
    const token = ++this.#token;
    try {
      const table = await this.#platform.peopleTable();
      if (token !== this.#token) return;
      this.table = table;
      this.loadedRevision = revision;
      this.loadError = null;
    } catch (e) {
      if (token !== this.#token) return;
      const error = toAppError(e);
      this.loadError = { code: error.code, message: `The people table could not be loaded: ${error.message}` };
    } finally {
      if (this.#inflight?.revision === revision) this.#inflight = null;
    }
  }

  sortBy(column: ColumnId): void {
    this.sort = clickSort(this.sort, column);
  }

  /** The primary sort of `column`, for `aria-sort`. */
  ariaSort(column: ColumnId): "ascending" | "descending" | "none" {
    const primary = this.sort[this.sort.length - 1];
    return primary?.column === column ? primary.direction : "none";
  }

  setFilter(patch: Partial<PeopleFilter>): void {
    this.filter = { ...this.filter, ...patch };
  }

  /** Where the person `id` is among the shown rows, -1 if not shown. */
  positionOf(id: string | null): number {
    if (id === null || !this.data) return -1;
    const row = this.org.tree.byId.get(id);
    if (row === undefined) return -1;
    const rows = this.rows;
    if (this.#positions?.rows !== rows) this.#positions = { rows, at: positions(rows, this.data.size) };
    return this.#positions.at[row] ?? -1;
  }

  /** The person shown at `position`. */
  idAt(position: number): string | null {
    const row = this.rows[position];
    return row === undefined || !this.data ? null : this.data.node(row).id;
  }

  dismissError(): void {
    this.error = null;
  }

  /**
   * Changes one field of a person. Unchanged values send nothing. A refusal
   * (e.g. a cost that is not an amount) is worded into `error` and changes
   * nothing; returns whether the edit was saved (or there was nothing to do).
   */
  async edit(id: string, field: EditableField, value: string | null): Promise<boolean> {
    const data = this.data;
    const row = this.org.tree.byId.get(id);
    if (!data || row === undefined) return false;
    const typed = (value ?? "").trim();
    const current = this.#current(data, row, field);
    if (current === typed || (field === "cost" && current === typed.replace(/[,_\s]/g, ""))) return true;
    const person = displayName(data.node(row));
    const request = editRequest(id, field, value);
    // Never the amount: announcements may be read aloud in a meeting.
    const said =
      field === "cost"
        ? `Changed ${person}'s annual cost.`
        : field === "status"
          ? `Changed ${person}'s status to ${STATUS_LABELS[value as Status]}.`
          : field === "team"
            ? `Moved ${person} to ${value ? (data.table.teams.find((t) => t.id === value)?.name ?? value) : "no team"}.`
            : `Changed ${person}'s ${labelOf(field)} to “${(value ?? "").trim()}”.`;
    return this.#apply(request, said, field, value ?? "");
  }

  /** Adds a hire, open req or planned hire; selects them. Returns their id. */
  async add(form: NewPersonForm): Promise<string | null> {
    const problem = checkForm(form);
    if (problem) {
      this.error = { code: "invalid-input", message: problem };
      return null;
    }
    const before = new Set(this.org.nodes.map((n) => n.id));
    const request = toNewPerson(form);
    const label = form.name.trim() || `${STATUS_LABELS[form.status].toLowerCase()} for ${form.title.trim()}`;
    if (!(await this.#apply(request, `Added ${label}.`, "add", form.cost))) return null;
    // The core chose the id (REQ-n) when none was given: the one id that is new.
    const added = this.org.nodes.find((n) => !before.has(n.id));
    if (added) await this.org.select(added.id);
    return added?.id ?? null;
  }

  /** Removes a person; their reports move up to their manager. */
  async remove(id: string): Promise<boolean> {
    const name = this.org.nameOf(id) ?? id;
    return this.#apply({ kind: "remove-person", person: id }, `Removed ${name}.`, "remove", "");
  }

  #current(data: PeopleData, row: number, field: EditableField): string {
    const n = data.node(row);
    switch (field) {
      case "title":
        return n.title;
      case "level":
        return n.level;
      case "status":
        return n.status;
      case "team":
        return data.teamId(row) ?? "";
      case "cost":
        return costText(data.costCents(row));
    }
  }

  async #apply(request: Edit, announcement: string, action: PeopleAction, typed: string): Promise<boolean> {
    if (this.saving) return false;
    this.saving = true;
    this.error = null;
    try {
      const before = this.scenarios.revision;
      const ok = await this.scenarios.apply(request, announcement);
      if (ok) {
        // The nodes carry these fields; the table's own columns (team,
        // location, cost, start date) are as fetched, so at 100k people
        // fetching them again would only slow the edit down.
        if (NODE_FIELDS.has(action) && this.table !== null && this.loadedRevision === before) {
          this.loadedRevision = this.scenarios.revision;
        } else {
          await this.load();
        }
        return true;
      }
      const refused = this.scenarios.error;
      if (refused) {
        // Shown here, beside the table, rather than in the scenario bar.
        this.scenarios.dismissError();
        this.error = { code: refused.code, message: describeEditError(refused, action, typed) };
        this.org.announcement = this.error.message;
      } else {
        this.error = { code: "busy", message: "Another change is being saved. Try again in a moment." };
      }
      return false;
    } finally {
      this.saving = false;
    }
  }
}
