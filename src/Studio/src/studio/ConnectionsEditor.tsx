import { useRef, useState } from "react";
import type { Activity, ActivityDescriptor, Definition } from "./types";
import { connectionKey, portsOf } from "./graph";
import { connect, removeConnections } from "./edits";
import { SelectField } from "./fields";

/**
 * The connections into and out of one activity, as lists and forms: the way to connect without dragging
 * between ports, for keyboards and screen readers.
 */
export function ConnectionsEditor({ definition, activity, descriptors, readOnly, onChange }: { definition: Definition; activity: Activity; descriptors: Map<string, ActivityDescriptor>; readOnly: boolean; onChange(definition: Definition): void }) {
  const connections = (definition.connections ?? []).map((c) => ({ ...c, key: connectionKey(c) }));
  const incoming = connections.filter((c) => c.target.activity === activity.id);
  const outgoing = connections.filter((c) => c.source.activity === activity.id);
  const nameOf = (id: string) => {
    const a = definition.activities.find((x) => x.id === id);
    return a?.displayName || id;
  };
  const sources = definition.activities
    .filter((a) => a.id !== activity.id)
    .flatMap((a) => portsOf(a, descriptors.get(a.type)).map((port) => ({ value: JSON.stringify([a.id, port]), label: `${a.displayName || a.id}: ${port}` })));
  const ports = portsOf(activity, descriptors.get(activity.type));
  const targets = definition.activities.filter((a) => a.id !== activity.id && !descriptors.get(a.type)?.isStart);
  const [from, setFrom] = useState("");
  const [port, setPort] = useState("");
  const [to, setTo] = useState("");
  const canTakeInput = !descriptors.get(activity.type)?.isStart;
  // The Remove button goes with its connection: focus moves to the list's heading rather than being lost.
  const heading = useRef<HTMLHeadingElement>(null);
  const remove = (key: string) => {
    onChange(removeConnections(definition, [key]));
    heading.current?.focus();
  };

  return (
    <section className="govuk-!-margin-top-4" aria-labelledby="connections-title">
      <h3 className="govuk-heading-s" id="connections-title" ref={heading} tabIndex={-1}>
        Connections
      </h3>
      <ul className="govuk-list">
        {incoming.map((c) => (
          <li key={c.key}>
            From {nameOf(c.source.activity)} ({c.source.port}){" "}
            {!readOnly && (
              <button type="button" className="rtm-link-button" onClick={() => remove(c.key)}>
                Remove<span className="govuk-visually-hidden"> the connection from {nameOf(c.source.activity)} ({c.source.port})</span>
              </button>
            )}
          </li>
        ))}
        {outgoing.map((c) => (
          <li key={c.key}>
            {c.source.port} to {nameOf(c.target.activity)}{" "}
            {!readOnly && (
              <button type="button" className="rtm-link-button" onClick={() => remove(c.key)}>
                Remove<span className="govuk-visually-hidden"> the connection {c.source.port} to {nameOf(c.target.activity)}</span>
              </button>
            )}
          </li>
        ))}
        {incoming.length + outgoing.length === 0 && <li>None yet.</li>}
      </ul>
      {!readOnly && canTakeInput && (
        <div className="rtm-inline">
          <SelectField id="connect-from" label="Comes after" value={from} options={[{ value: "", label: "Choose an activity and port" }, ...sources]} onChange={setFrom} />
          <button
            type="button"
            className="govuk-button govuk-button--secondary"
            disabled={!from}
            onClick={() => {
              const [source, sourcePort] = JSON.parse(from) as [string, string];
              onChange(connect(definition, source, sourcePort, activity.id));
              setFrom("");
            }}
          >
            Connect from it
          </button>
        </div>
      )}
      {!readOnly && ports.length > 0 && (
        <div className="rtm-inline">
          <SelectField id="connect-port" label="Port" value={port || ports[0]} options={ports.map((p) => ({ value: p, label: p }))} onChange={setPort} />
          <SelectField id="connect-to" label="Goes on to" value={to} options={[{ value: "", label: "Choose an activity" }, ...targets.map((a) => ({ value: a.id, label: a.displayName || a.id }))]} onChange={setTo} />
          <button
            type="button"
            className="govuk-button govuk-button--secondary"
            disabled={!to}
            onClick={() => {
              onChange(connect(definition, activity.id, port || ports[0], to));
              setTo("");
            }}
          >
            Connect to it
          </button>
        </div>
      )}
    </section>
  );
}
