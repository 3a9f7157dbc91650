import { Canvas } from '@react-pdf/renderer';
import type { PageNumberSlot } from './engine.js';
import { ink } from './theme.js';

interface PageNumberProps {
  /** The id of the node whose page to print; omit for "page X of Y" of this page. */
  of?: string;
  format?: string;
  width: number;
  fontSize?: number;
  color?: string;
  align?: 'left' | 'right';
  bold?: boolean;
}

/**
 * A page number known only once the whole document is laid out: a fixed-size canvas
 * that the engine's page-number step fills in (see engine.ts), so it costs no relayout.
 */
export function PageNumber({ of, format, width, fontSize = 9, color = ink.text, align = 'right', bold = false }: PageNumberProps) {
  const slot: PageNumberSlot = { ...(of ? { pageOf: of } : { pageOfTotal: true }), ...(format ? { format } : {}), fontSize, color, align, bold };
  return <Canvas style={{ width, height: fontSize * 1.3 }} paint={() => null} {...slot} />;
}
