/**
 * The part of Decap CMS's browser API (`window.CMS`, from the decap-cms bundle the desk page loads)
 * that the desk uses. Decap renders with its own React; `h` and `createClass` are its
 * React.createElement and create-react-class, which it provides for custom widgets.
 */

/** An Immutable.js Map as Decap passes it to widgets (field configuration, entry). */
export interface ImmutableMap {
  get(key: string): unknown;
  set(key: string, value: unknown): ImmutableMap;
}

/** What Decap gives a widget's control. */
export interface WidgetProps {
  value: unknown;
  onChange(value: unknown): void;
  field: ImmutableMap;
  entry: ImmutableMap;
  forID: string;
  classNameWrapper: string;
}

export interface DecapWidget {
  control: unknown;
  preview?: unknown;
}

export interface DecapCms {
  init(options: { config: Record<string, unknown> }): void;
  getWidget(name: string): DecapWidget;
  registerWidget(name: string, control: unknown, preview?: unknown): void;
  /** Not Decap's own: the desk adds the two globals below for its widgets. */
  h(type: unknown, props: Record<string, unknown> | null, ...children: unknown[]): unknown;
  createClass(spec: Record<string, unknown>): unknown;
}

/** `window.CMS` with the bundle's `window.h` and `window.createClass` beside it. */
export function decapCms(): DecapCms {
  const globals = window as unknown as Pick<DecapCms, 'h' | 'createClass'> & { CMS: DecapCms };
  return Object.assign(Object.create(globals.CMS) as DecapCms, {
    h: globals.h,
    createClass: globals.createClass,
  });
}
