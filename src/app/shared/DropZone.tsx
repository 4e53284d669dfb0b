import { useId, useState } from 'react';
import { IMPORT_EXTENSIONS } from '../../import';

// A place to drop many files at once, or pick them (check page, 汇总 page).

type DropZoneProps = {
  /** What goes here; also the file picker's name. Without it the picker is named by its button (选择文件…). */
  label?: string;
  hint: string;
  onFiles: (files: File[]) => void;
};

export function DropZone({ label, hint, onFiles }: DropZoneProps) {
  const id = useId();
  const [dragging, setDragging] = useState(false);
  return (
    <div
      className={`drop-zone${dragging ? ' drop-zone-active' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        onFiles([...e.dataTransfer.files]);
      }}
    >
      <div>
        {label && <p className="drop-title">{label}</p>}
        <p>{hint}</p>
      </div>
      <label htmlFor={id} className="button file-button">
        选择文件…
      </label>
      <input
        id={id}
        className="visually-hidden"
        type="file"
        multiple
        accept={IMPORT_EXTENSIONS.join(',')}
        aria-label={label}
        onChange={(e) => {
          onFiles([...(e.target.files ?? [])]);
          e.target.value = '';
        }}
      />
    </div>
  );
}
