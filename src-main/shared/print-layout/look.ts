import type { FontRole } from '../settings.ts';

/** A run's type: the font role (settings.fonts maps it to faces) and the size in half-points, as docx counts font sizes. */
export interface TypeLook {
  role: FontRole;
  size: number;
  bold?: boolean;
  /** RRGGBB. */
  color?: string;
  /** Character spacing in twips; negative condenses. */
  tracking?: number;
}
