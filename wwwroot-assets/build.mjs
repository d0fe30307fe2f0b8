// Copies the chart library and the console's own browser modules into the app's wwwroot/assets.
import { cpSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, "..", "src", "Kessan.Console", "wwwroot", "assets");
mkdirSync(out, { recursive: true });
cpSync(join(here, "node_modules", "apexcharts", "dist", "apexcharts.esm.js"), join(out, "apexcharts.esm.js"));
cpSync(join(here, "node_modules", "apexcharts", "dist", "apexcharts.css"), join(out, "apexcharts.css"));
cpSync(join(here, "src"), out, { recursive: true });
