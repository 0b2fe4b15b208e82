import { groupThousands } from '../../experiment/index.js';
import type { ClusterShape, ImportTally, ServiceClass } from './cluster-shape.js';

/** Lines of the histograms are packed up to this width, so a class with hundreds of distinct endpoint counts stays a short block. */
const WIDTH = 100;

/**
 * The `cluster:` part of an experiment file, below a comment saying what was read and left
 * out. Written by hand rather than by the yaml package, which puts every entry of a long flow
 * map on its own line: here each class's histogram is a flow map packed into lines
 * (`endpoints: { histogram: { 0: 12, 1: 3100, ... } }`). Every value is a number or a
 * `ports-N` name, so nothing needs quoting; a test parses it back to the same object.
 */
export function clusterYaml(shape: ClusterShape, tally: ImportTally): string {
  const lines = [
    ...header(tally, shape).map((line) => `# ${line}`),
    '',
    'cluster:',
    ...(shape.nodes === undefined ? [] : [`  nodes: ${shape.nodes}`]),
    `  namespaces: ${shape.namespaces}`,
    ...(shape.headlessServiceRatio === undefined ? [] : [`  headlessServiceRatio: ${shape.headlessServiceRatio}`]),
    '  serviceClasses:',
    ...shape.serviceClasses.flatMap(classLines),
  ];
  return `${lines.join('\n')}\n`;
}

function classLines(serviceClass: ServiceClass): string[] {
  return [
    `    - name: ${serviceClass.name}`,
    `      count: ${serviceClass.count}`,
    `      ports: ${serviceClass.ports}`,
    ...histogramLines(serviceClass.endpoints.histogram),
  ];
}

/** `endpoints: { histogram: { 0: 12, 1: 3100 } }`, continued on lines indented under it when long. */
function histogramLines(histogram: Readonly<Record<number, number>>): string[] {
  const entries = Object.entries(histogram).map(([endpoints, services]) => `${endpoints}: ${services}`);
  const lines = ['      endpoints: { histogram: {'];
  for (const [index, entry] of entries.entries()) {
    const piece = ` ${entry}${index === entries.length - 1 ? '' : ','}`;
    if (lines[lines.length - 1].length + piece.length > WIDTH) lines.push('         ');
    lines[lines.length - 1] += piece;
  }
  lines[lines.length - 1] += ' } }';
  return lines;
}

function header(tally: ImportTally, shape: ClusterShape): string[] {
  const lines = [
    `eastwest import-cluster: counts only, from ${count(tally.nodes, 'Node')}, ${count(tally.services, 'Service')} and ${count(tally.endpointSlices, 'EndpointSlice')}`,
    `skipped ${count(tally.externalNameServices, 'ExternalName Service')} (no ClusterIP, no proxy rules); ignored ${count(tally.otherKinds, 'item')} of other kinds`,
  ];
  if (shape.nodes === undefined) lines.push('no Node was read, so cluster.nodes is left out and takes its default');
  return lines;
}

function count(value: number, noun: string): string {
  return `${groupThousands(value)} ${noun}${value === 1 ? '' : 's'}`;
}
