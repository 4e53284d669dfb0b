import type { PartDef } from '../../../../templates';
import { blocksText } from '../../../core/narrative-numbers';
import type { Block } from '../../../core/report';

const CHINESE_NUMBERS = ['一', '二', '三', '四', '五', '六', '七', '八'];
/** The key word of a checklist item, to tell whether the text mentions it. */
const keyword = (item: string): string => item.replace(/（.*?）|情况|或措施|收取|如无.*$/g, '').slice(0, 6);

/** What the format asks the part to cover, ticked off as the text mentions it. */
export function Checklist({ part, blocks, onAddHeadings }: { part: PartDef; blocks: readonly Block[]; onAddHeadings: (texts: string[]) => void }) {
  const text = blocksText(blocks);
  const items = part.checklist ?? [];
  return (
    <aside className="checklist" aria-label="本部分应写的内容">
      <h2>本部分应写到</h2>
      <ul>
        {items.map((item) => {
          const word = keyword(item);
          const covered = word !== '' && text.includes(word);
          return (
            <li key={item} className={covered ? 'covered' : undefined}>
              <span aria-hidden="true">{covered ? '✓' : '○'}</span> {item}
              {covered && <span className="visually-hidden">（已写到）</span>}
            </li>
          );
        })}
      </ul>
      {part.id === '一' && (
        <button
          type="button"
          className="button button-quiet"
          onClick={() => onAddHeadings(items.map((item, i) => `（${CHINESE_NUMBERS[i]}）${item}`))}
          disabled={blocks.some((b) => b.type === 'heading')}
        >
          按五个方面添加小标题
        </button>
      )}
    </aside>
  );
}
