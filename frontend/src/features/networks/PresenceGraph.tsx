import { Box } from '@mantine/core';
import { useEffect, useRef } from 'react';
import type { AmbassadorsGraph } from '../../client';

const COLORS = { person: '#1c7ed6', platform: '#e8590c', external: '#2f9e44' } as const;

/** Cytoscape.js drawing of people, externals and platforms. A picture only: the matrix beside it
 * carries the same information for screen readers and keyboards. */
export function PresenceGraph({ graph, label }: { graph: AmbassadorsGraph; label: string }) {
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let destroyed = false;
    let instance: { destroy: () => void } | null = null;
    void import('cytoscape').then(({ default: cytoscape }) => {
      if (destroyed || !container.current) return;
      instance = cytoscape({
        container: container.current,
        elements: [
          ...graph.nodes.map((n) => ({ data: { id: n.id, label: n.label, kind: n.kind } })),
          ...graph.edges.map((e, i) => ({ data: { id: `e${i}`, source: e.source, target: e.target } })),
        ],
        style: [
          { selector: 'node', style: { label: 'data(label)', 'font-size': 10, 'background-color': COLORS.person, color: '#212529' } },
          { selector: 'node[kind = "platform"]', style: { 'background-color': COLORS.platform, shape: 'round-rectangle', width: 36, height: 24 } },
          { selector: 'node[kind = "external"]', style: { 'background-color': COLORS.external, shape: 'diamond' } },
          { selector: 'edge', style: { width: 1, 'line-color': '#adb5bd' } },
        ],
        layout: { name: 'cose', animate: false },
        userZoomingEnabled: false,
        boxSelectionEnabled: false,
      });
    });
    return () => {
      destroyed = true;
      instance?.destroy();
    };
  }, [graph]);
  return <Box ref={container} role="img" aria-label={label} h={360} style={{ border: '1px solid var(--mantine-color-default-border)', borderRadius: 8 }} />;
}
