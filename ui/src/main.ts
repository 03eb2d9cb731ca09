import { mount } from "svelte";
import "./app.css";
import App from "./App.svelte";
import { tauriPlatform } from "./lib/platform";
import { OrgStore } from "./lib/store.svelte";

const target = document.getElementById("app");
if (!target) throw new Error("missing #app");

const store = new OrgStore(tauriPlatform);
mount(App, { target, props: { store } });
void store.load();
