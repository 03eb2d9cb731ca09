import { mount } from "svelte";
import "./app.css";
import App from "./App.svelte";
import { BaselineEditGuard } from "./lib/baselineGuard.svelte";
import { exposePerf } from "./lib/perf";
import { tauriPlatform } from "./lib/platform";
import { ScenarioStore } from "./lib/scenarios.svelte";
import { OrgStore } from "./lib/store.svelte";

const target = document.getElementById("app");
if (!target) throw new Error("missing #app");

exposePerf(window);
const store = new OrgStore(tauriPlatform);
const scenarios = new ScenarioStore(tauriPlatform, store, new BaselineEditGuard(window.sessionStorage));
mount(App, { target, props: { store, scenarios, platform: tauriPlatform } });
void store.load();
void scenarios.load();
