import type { ShellPush } from '../shared/contract';

/**
 * Pushes from the Node side to every open renderer (Electron's window, the browser shell's
 * event stream). Only names travel, no data: a renderer that hears one asks again through the
 * contract, which validates as always.
 */
export class ShellEventHub {
  private readonly listeners = new Set<(event: ShellPush) => void>();

  emit(event: ShellPush): void {
    for (const listener of [...this.listeners]) listener(event);
  }

  subscribe(listener: (event: ShellPush) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }
}
