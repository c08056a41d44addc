import { fileURLToPath } from "node:url";

// This file sits at src/harness (tests) or dist/harness (built); both are two levels below the package.
export const packageRoot = fileURLToPath(new URL("../../", import.meta.url));
export const repositoryRoot = fileURLToPath(new URL("../../../../", import.meta.url));
export const programsDirectory = fileURLToPath(new URL("../../programs/", import.meta.url));

export const defaultResultsPath = `${repositoryRoot}bench-results.json`;
export const defaultReportPath = `${repositoryRoot}bench-report.html`;
export const defaultBaselinePath = `${packageRoot}baseline.json`;
