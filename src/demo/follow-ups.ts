/**
 * Events promised by an earlier event (the answer to an approval, the end of
 * a lease…), kept in a min-heap by due time so the generator can emit them
 * in time order. Its size is bounded by how many requests are open at once,
 * never by the number of events generated.
 */
import type { DemoTool } from './catalog.ts';

export type FollowUpKind =
  | 'tool_result' | 'hold_answer' | 'approval_answer' | 'change_answer' | 'change_apply' | 'breach_response'
  | 'injection_label' | 'lease_end' | 'escalation_resolve' | 'gateway_connect' | 'delegation_end';

export interface AgentState {
  id: string;
  tools: readonly DemoTool[];
  model: string;
  /** How much more often than usual this agent's calls are denied. */
  bias: number;
  session: number;
  sessionLeft: number;
  sessionEnvironment: string;
}

export class FollowUp {
  due: number;
  /** Ties on `due` keep creation order, so the output is deterministic. */
  order: number;
  kind: FollowUpKind;
  correlationId: string;
  environment: string;
  agent: AgentState | null;
  sessionId: string | null;
  tool: DemoTool | null;
  /** Free slots for the kind: subject number, TTL, change type, chained link… */
  number: number;
  text: string;
  constructor(due: number, order: number, kind: FollowUpKind, correlationId: string, environment: string) {
    this.due = due;
    this.order = order;
    this.kind = kind;
    this.correlationId = correlationId;
    this.environment = environment;
    this.agent = null;
    this.sessionId = null;
    this.tool = null;
    this.number = 0;
    this.text = '';
  }
}

const before = (a: FollowUp, b: FollowUp) => a.due < b.due || (a.due === b.due && a.order < b.order);

export class FollowUpQueue {
  private readonly heap: FollowUp[] = [];

  get size(): number {
    return this.heap.length;
  }

  peek(): FollowUp | undefined {
    return this.heap[0];
  }

  push(item: FollowUp): void {
    const heap = this.heap;
    heap.push(item);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(item, heap[parent]!)) break;
      heap[i] = heap[parent]!;
      i = parent;
    }
    heap[i] = item;
  }

  pop(): FollowUp | undefined {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop();
    if (heap.length === 0 || last === undefined) return top;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= heap.length) break;
      const right = left + 1;
      const child = right < heap.length && before(heap[right]!, heap[left]!) ? right : left;
      if (!before(heap[child]!, last)) break;
      heap[i] = heap[child]!;
      i = child;
    }
    heap[i] = last;
    return top;
  }
}
