/**
 * The desk's Decap CMS configuration, made when the desk page asks for it, from the sources and
 * generated articles of the moment: each source's editorial file is one entry whose article
 * picker offers the titles ingest found in that source. Field names are the editorial schema's
 * (scripts/ingest/stages/editorial.ts), which checks every save; labels are the editors' words.
 */
import { DESK_NAMES, deskEntryName } from '../../src/core/desk-link.ts';
import { FINDING_KINDS } from '../../src/core/proofreading.ts';
import { columnFolders, DATA_DIR, deskSources, SOURCES_DIR, type DeskSource } from './sources.ts';

/** The upload entry's file: never written (the save guard refuses it), only named. */
export const UPLOAD_ENTRY_FILE = `${SOURCES_DIR}/.desk-upload.yaml`;

type Field = Record<string, unknown>;

const optional = { required: false };
const text = (name: string, label: string, hint?: string): Field => ({
  name,
  label,
  widget: 'string',
  ...optional,
  ...(hint ? { hint } : {}),
});
const longText = (name: string, label: string, hint?: string): Field => ({
  ...text(name, label, hint),
  widget: 'text',
});
const texts = (name: string, label: string, hint?: string): Field => ({
  name,
  label,
  widget: 'list',
  ...optional,
  collapsed: false,
  field: { name: 'text', label, widget: 'text' },
  ...(hint ? { hint } : {}),
});
const datePattern = ['^\\d{4}-\\d{2}-\\d{2}$', '日期写作 2024-12-01'];
const slugPattern = [
  '^[a-z0-9]+(-[a-z0-9]+)*(/[a-z0-9]+(-[a-z0-9]+)*)*$',
  '网址只用小写字母、数字、连字符和斜杠',
];

const issueField: Field = {
  name: 'issue',
  label: '期刊信息',
  widget: 'object',
  ...optional,
  collapsed: true,
  hint: '一份汇编材料就是一期刊物；原稿没有印出的不要编造。',
  fields: [
    text('journal', '刊名', '照封面所印，如：政协天地'),
    text('number', '期号', '照刊物所印，如：2024年第11期'),
    {
      ...text('date', '出版日期', '如：2024-11-20；文中没有日期的文章以此为日期'),
      pattern: datePattern,
    },
    {
      ...text('slug', '本期网址', '可不填；填了以后本期及其文章的网址固定不变'),
      pattern: slugPattern,
    },
  ],
};

const kindOptions = Object.entries(FINDING_KINDS).map(([value, kind]) => ({
  value,
  label: kind.label,
}));

/** Which article an entry edits: one of the titles ingest found in the source, or its position. */
function articleChoice(titles: string[]): Field[] {
  return [
    {
      name: 'match',
      label: '文章',
      widget: 'select',
      options: titles.length > 0 ? titles : [''],
      ...optional,
      hint: '从这份材料导入出的文章中选一篇',
    },
    {
      name: 'index',
      label: '或按位置（从 0 数）',
      widget: 'number',
      value_type: 'int',
      ...optional,
    },
  ];
}

/** One article's edits after its choice, in the order an editor meets them: fixes, then aids. */
const articleEditFields: Field[] = [
  text('title', '改正标题'),
  text('subtitle', '改正副标题'),
  text('column', '改正栏目'),
  texts('authors', '作者'),
  texts('positions', '职务'),
  texts('regions', '地区'),
  { ...text('date', '日期', '如：2024-11-20'), pattern: datePattern },
  { ...text('slug', '固定网址', '材料改名、标题修订后网址不变'), pattern: slugPattern },
  {
    name: 'tags',
    label: '主题',
    widget: 'object',
    ...optional,
    collapsed: true,
    fields: [texts('add', '加上'), texts('remove', '去掉')],
  },
  {
    name: 'errata',
    label: '勘误',
    widget: 'list',
    ...optional,
    collapsed: false,
    summary: '{{fields.find}} → {{fields.replace}}',
    hint: '原文照旧保存；读者看到改正后的文字和一条勘误说明',
    fields: [
      text('find', '原文', '须在本文中恰好出现一次'),
      text('replace', '改为'),
      text('note', '说明'),
    ],
  },
  longText('notice', '编者注', '显示在正文之前，如：原稿不完整，本文仅刊出第一部分'),
  {
    name: 'publish',
    label: '刊出',
    widget: 'boolean',
    default: true,
    ...optional,
    hint: '关掉则暂不刊出：不生成页面、不进检索，目录中标“暂未刊出”',
  },
  longText('editorsNote', '编者按'),
  texts('keyPoints', '学习要点'),
  texts('questions', '思考题'),
  texts('quotes', '金句', '必须是正文里的原句'),
  { name: 'example', label: '示例内容', widget: 'boolean', ...optional },
  {
    name: 'accept',
    label: '确认无误的校对问题',
    widget: 'list',
    ...optional,
    collapsed: false,
    summary: '{{fields.text}}',
    fields: [
      { name: 'kind', label: '类别', widget: 'select', options: kindOptions },
      text('text', '文字'),
    ],
  },
];

function editorialFile({ source, editorial, titles }: DeskSource): Field {
  return {
    name: deskEntryName(source),
    label: source.replace(/\.[^./]+$/, ''),
    file: `${SOURCES_DIR}/${editorial}`,
    fields: [
      issueField,
      {
        name: 'articles',
        label: '各篇文章',
        widget: DESK_NAMES.articlesWidget,
        ...optional,
        collapsed: true,
        summary: '{{fields.match}}',
        add_to_top: false,
        fields: [...articleChoice(titles), ...articleEditFields],
      },
    ],
  };
}

const dataFiles: Field[] = [
  {
    name: 'sessions',
    label: '学习会',
    file: `${DATA_DIR}/sessions.json`,
    fields: [
      {
        name: 'sessions',
        label: '学习会',
        widget: 'list',
        summary: '{{fields.date}} {{fields.meeting}}',
        fields: [
          text('id', '网址名', '小写字母、数字和连字符，如：2026-12-xuexi'),
          { ...text('date', '日期', '如：2026-12-10'), required: true, pattern: datePattern },
          { ...text('meeting', '会议名称'), required: true },
          text('organiser', '主办'),
          longText('note', '说明'),
          texts('materials', '材料', '文章网址中 /articles/ 之后的部分，可加 #s2 只取一节'),
        ],
      },
    ],
  },
  {
    name: 'glossary',
    label: '术语表',
    file: `${DATA_DIR}/glossary.json`,
    fields: [
      {
        name: 'terms',
        label: '术语',
        widget: 'list',
        summary: '{{fields.term}}',
        fields: [
          { ...text('term', '提法'), required: true },
          { ...text('slug', '网址名', '拼音小写，如：fenghuibixue'), required: true },
          { ...longText('definition', '释义'), required: true },
          texts('aliases', '其他写法'),
        ],
      },
    ],
  },
  {
    name: 'columns',
    label: '栏目',
    file: `${DATA_DIR}/columns.json`,
    fields: [texts('columns', '栏目题头', '材料里单独成行的这些题头成为其后文章的栏目')],
  },
  {
    name: 'topics',
    label: '主题词表',
    file: `${DATA_DIR}/topics.json`,
    fields: [
      {
        name: 'topics',
        label: '主题',
        widget: 'list',
        summary: '{{fields.topic}}',
        hint: '文章的主题标签只从这里取；改动在下次导入时生效',
        fields: [
          { ...text('topic', '主题名称', '就是文章上的标签，如：协商民主'), required: true },
          {
            ...texts('spellings', '正文中的说法', '在正文中计数的几种说法，如：政治协商'),
            required: true,
          },
        ],
      },
    ],
  },
];

/** The whole configuration for `CMS.init({ config })`; `apiPath` is where the save guard listens. */
export async function deskConfig(root: string, apiPath: string): Promise<Record<string, unknown>> {
  const [sources, columns] = await Promise.all([deskSources(root), columnFolders(root)]);
  return {
    load_config_file: false,
    backend: { name: 'proxy', proxy_url: apiPath, branch: 'main' },
    locale: 'zh_Hans',
    media_folder: `${SOURCES_DIR}/.desk-media`,
    publish_mode: 'simple',
    collections: [
      {
        name: DESK_NAMES.editorialCollection,
        label: '编辑文件（按材料）',
        description: '每份材料一项：期刊信息，以及各篇的修订、勘误、编者注、学习辅助',
        editor: { preview: false },
        files: sources.map(editorialFile),
      },
      {
        name: DESK_NAMES.dataCollection,
        label: '学习会、术语、栏目和主题',
        editor: { preview: false },
        files: dataFiles,
      },
      {
        name: DESK_NAMES.uploadCollection,
        label: '上传新材料',
        editor: { preview: false },
        files: [
          {
            name: 'upload',
            label: '上传 .txt 或 .docx 材料',
            file: UPLOAD_ENTRY_FILE,
            fields: [
              {
                name: 'upload',
                label: '材料',
                widget: DESK_NAMES.uploadWidget,
                folders: columns,
                hint: '选栏目文件夹和文件；上传后自动导入，刷新本页即可编辑它',
              },
            ],
          },
        ],
      },
    ],
  };
}
