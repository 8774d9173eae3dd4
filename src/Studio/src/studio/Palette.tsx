import type { ActivityDescriptor } from "./types";
import { humanise } from "../components/words";

/** The drag-and-drop type that marks a palette item, carrying the activity type name. */
export const PALETTE_DRAG_TYPE = "application/x-rtm-activity";

export function activityLabel(descriptor: ActivityDescriptor): string {
  return humanise(descriptor.displayName || descriptor.typeName);
}

/**
 * The activity types by category. Each is a button, so a keyboard adds it as well as a mouse drags it onto the
 * canvas; one Start per definition is the rule, so it is not offered.
 */
export function Palette({ descriptors, onAdd }: { descriptors: ActivityDescriptor[]; onAdd(type: string): void }) {
  const categories = new Map<string, ActivityDescriptor[]>();
  for (const d of descriptors) if (!d.isStart) categories.set(d.category, [...(categories.get(d.category) ?? []), d]);
  return (
    <section className="rtm-palette" aria-labelledby="palette-title">
      <h2 className="govuk-heading-s" id="palette-title">
        Add an activity
      </h2>
      {[...categories.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([category, items]) => (
          <div key={category} className="rtm-palette__group">
            <h3 className="govuk-body-s govuk-!-font-weight-bold govuk-!-margin-bottom-1">{category}</h3>
            <ul className="govuk-list">
              {items.map((d) => (
                <li key={d.typeName} className="govuk-!-margin-bottom-1">
                  <button
                    type="button"
                    className="rtm-palette__item"
                    draggable
                    title={d.description}
                    onDragStart={(e) => {
                      e.dataTransfer.setData(PALETTE_DRAG_TYPE, d.typeName);
                      e.dataTransfer.effectAllowed = "copy";
                    }}
                    onClick={() => onAdd(d.typeName)}
                    aria-label={`Add ${activityLabel(d)}`}
                  >
                    {activityLabel(d)}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        ))}
    </section>
  );
}
