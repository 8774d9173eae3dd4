import type { Definition } from "./types";

/** Offers the definition as a download, named as the shipped files are (`<id>.json`), with the version. */
export function downloadJson(definition: Definition) {
  const blob = new Blob([JSON.stringify(definition, null, 2) + "\n"], { type: "application/json" });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = `${definition.id || "definition"}-v${definition.version}.json`;
  link.click();
  URL.revokeObjectURL(url);
}

/** Reads a chosen file as a definition; the message says what is wrong with one that is not. */
export async function readDefinitionFile(file: File): Promise<Definition> {
  const text = await file.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error(`${file.name} is not JSON (comments are not accepted here).`);
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed) || !Array.isArray((parsed as Definition).activities))
    throw new Error(`${file.name} is not a workflow definition: it has no list of activities.`);
  return parsed as Definition;
}
