/**
 * The desk's upload form: a column folder, a .txt or .docx file, and the dev server's answer. The
 * file goes to the desk's upload endpoint, which writes it beside the other sources (never over
 * one); the dev server then ingests it.
 */
import type { DecapCms, WidgetProps } from './decap.ts';

interface UploadState {
  folder: string;
  message: string;
  failed: boolean;
  busy: boolean;
}

type UploadThis = {
  props: WidgetProps;
  state: UploadState;
  setState(state: Partial<UploadState>): void;
};

async function send(url: string, folder: string, file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ folder, name: file.name, content: btoa(binary) }),
  });
  const answer = (await response.json()) as { saved?: string; error?: string };
  if (!response.ok || !answer.saved) throw new Error(answer.error ?? '上传失败');
  return answer.saved;
}

export function uploadControl(cms: DecapCms, url: string): unknown {
  return cms.createClass({
    getInitialState(this: UploadThis): UploadState {
      const folders = (this.props.field.get('folders') as { toJS(): string[] }).toJS();
      return { folder: folders[0] ?? '', message: '', failed: false, busy: false };
    },
    async upload(this: UploadThis, event: Event) {
      const input = event.target as HTMLInputElement;
      const file = input.files?.[0];
      if (!file) return;
      this.setState({ busy: true, message: `正在上传 ${file.name}…`, failed: false });
      try {
        const saved = await send(url, this.state.folder, file);
        this.setState({
          message: `已上传为 ${saved}，正在导入；稍后刷新本页，即可在“编辑文件”中找到它。`,
        });
      } catch (error) {
        this.setState({ message: (error as Error).message, failed: true });
      } finally {
        this.setState({ busy: false });
        input.value = '';
      }
    },
    render(this: UploadThis & { upload(event: Event): void }) {
      return uploadForm(cms, this);
    },
  });
}

/** The form: folder, file, and what the server said. */
function uploadForm(cms: DecapCms, widget: UploadThis & { upload(event: Event): void }): unknown {
  const { h } = cms;
  const folders = (widget.props.field.get('folders') as { toJS(): string[] }).toJS();
  const id = widget.props.forID;
  return h(
    'div',
    { className: widget.props.classNameWrapper },
    h('label', { htmlFor: `${id}-folder` }, '放进栏目文件夹 '),
    h(
      'select',
      {
        id: `${id}-folder`,
        value: widget.state.folder,
        onChange: (e: Event) => widget.setState({ folder: (e.target as HTMLSelectElement).value }),
      },
      ...folders.map((folder) => h('option', { key: folder, value: folder }, folder)),
    ),
    h(
      'p',
      null,
      h('input', {
        id,
        type: 'file',
        accept: '.txt,.docx',
        disabled: widget.state.busy,
        'aria-label': '选择 .txt 或 .docx 文件',
        onChange: (e: Event) => widget.upload(e),
      }),
    ),
    h(
      'p',
      { role: 'status', style: { color: widget.state.failed ? '#b00020' : 'inherit' } },
      widget.state.message,
    ),
  );
}
