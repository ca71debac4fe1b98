/**
 * The editors' desk page (/admin/ under `npm run dev`): starts Decap CMS with the configuration the
 * dev server makes from the sources, and registers the desk's two widgets through Decap's own
 * extension points: the per-article list, which fills in what a link from the proofreading page
 * asks for, and the upload of a new source into a column folder.
 */
import { fromJS, type List } from 'immutable';
import { DESK_NAMES, deskEntryName, readDeskLink, type DeskRequest } from '../../core/desk-link.ts';
import { applyDeskRequest, type ArticleEditsDraft } from '../../core/desk-prefill.ts';
import { uploadControl } from './upload-widget.ts';
import { decapCms, type DecapWidget, type WidgetProps } from './decap.ts';

const cms = decapCms();
const script = document.querySelector<HTMLScriptElement>('script[data-config]');
const request = readDeskLink(location.search);

/** Opens the entry a desk link names; the list widget below fills in the form when it mounts. */
function routeTo(link: DeskRequest): void {
  const entry = encodeURIComponent(deskEntryName(link.source));
  location.hash = `#/collections/${DESK_NAMES.editorialCollection}/entries/${entry}`;
}

/** What the desk did for a link, in the editor's words, shown above the articles. */
function requestSaid(link: DeskRequest): string {
  const article = `《${link.article}》`;
  const todo = '填好后点上方的“发布”保存。';
  switch (link.action) {
    case 'erratum':
      return `已在${article}下加了一条勘误，原文“${link.find ?? ''}”：请填写“改为”，${todo}`;
    case 'accept':
      return `已在${article}下把“${link.find ?? ''}”记为确认无误，${todo}`;
    case 'notice':
      return `请在${article}下填写“编者注”，${todo}`;
    case 'withhold':
      return `已把${article}设为暂不刊出（“刊出”已关），${todo}`;
  }
}

/** Decap's list control, given the request's edits before it first shows them. */
function articlesControl(cmsList: DecapWidget) {
  let pending = request;
  return cms.createClass({
    getInitialState(this: { props: WidgetProps }) {
      return { ready: !pending || this.props.entry.get('slug') !== deskEntryName(pending.source) };
    },
    componentDidMount(this: {
      props: WidgetProps;
      setState(s: object): void;
      state: { ready: boolean };
    }) {
      if (this.state.ready || !pending) return;
      const link = pending;
      pending = undefined;
      const current = ((this.props.value as List<unknown> | undefined)?.toJS() ??
        []) as ArticleEditsDraft[];
      this.props.onChange(fromJS(applyDeskRequest(current, link).edits));
      // Shown after the new value has reached the form, so the list starts from it.
      setTimeout(() => this.setState({ ready: true, said: requestSaid(link) }), 0);
    },
    render(this: { props: WidgetProps; state: { ready: boolean; said?: string } }) {
      if (!this.state.ready) return cms.h('p', null, '正在打开…');
      if (!this.state.said) return cms.h(cmsList.control, { ...this.props });
      // Every article open, so the one the link named is not hidden behind a fold.
      const field = this.props.field.set('collapsed', false);
      return cms.h(
        'div',
        null,
        cms.h('p', { role: 'status', className: 'desk-request' }, this.state.said),
        cms.h(cmsList.control, { ...this.props, field }),
      );
    },
  });
}

async function start(): Promise<void> {
  if (!script?.dataset.config || !script.dataset.upload)
    throw new Error('desk page without its addresses');
  const config = (await (await fetch(script.dataset.config)).json()) as Record<string, unknown>;
  const list = cms.getWidget('list');
  cms.registerWidget(DESK_NAMES.articlesWidget, articlesControl(list), list.preview);
  cms.registerWidget(DESK_NAMES.uploadWidget, uploadControl(cms, script.dataset.upload));
  if (request) {
    routeTo(request);
    // Decap shows its list of collections after the editor logs in: once, go back to the entry.
    const link = request;
    window.addEventListener('hashchange', function back() {
      if (location.hash.includes('/entries/')) return;
      window.removeEventListener('hashchange', back);
      routeTo(link);
    });
  }
  cms.init({ config });
}

void start();
