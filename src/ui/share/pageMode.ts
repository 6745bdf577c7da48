/**
 * How the page presents itself, from the link: `classroom=1` enlarges the view for a projector,
 * `embed=1` shows only the sphere and its Start/Pause button (for an iframe on a course page), and
 * `hide=seed,dataset,lessons` hides the controls a teacher chose — any config key or a panel name.
 */
import { configKeys, type ConfigKey } from '../../core/config';
import { quoted } from '../../core/notices';
import { messages } from '../../i18n/messages';

const panelNames = ['lessons', 'settings', 'images', 'compare', 'share', 'status'] as const;
type PanelName = (typeof panelNames)[number];
export type HideName = ConfigKey | PanelName;

export interface PageMode {
  classroom: boolean;
  embed: boolean;
  hidden: ReadonlySet<HideName>;
}

export const normalPage: PageMode = { classroom: false, embed: false, hidden: new Set() };

const hideNames: ReadonlySet<string> = new Set<string>([...configKeys, ...panelNames]);

function isHideName(name: string): name is HideName {
  return hideNames.has(name);
}

/** Reads `hide=a,b,c`; unknown names are ignored and reported in one notice. */
export function parseHideList(raw: string, notices: string[]): Set<HideName> {
  const hidden = new Set<HideName>();
  const unknown: string[] = [];
  for (const part of raw.split(',')) {
    const name = part.trim();
    if (isHideName(name)) hidden.add(name);
    else if (name !== '') unknown.push(name);
  }
  if (unknown.length > 0) {
    const listed = unknown.slice(0, 3).map(quoted).join(', ');
    notices.push(messages().validation.badHide({ listed, more: Math.max(0, unknown.length - 3), panels: panelNames.join(', ') }));
  }
  return hidden;
}

/** Page-wide CSS hooks on the root element: the classroom layout scales every rem-sized font. */
export function applyPageModeClasses(root: HTMLElement, mode: PageMode): void {
  root.classList.toggle('classroom', mode.classroom);
  root.classList.toggle('embed', mode.embed);
}
