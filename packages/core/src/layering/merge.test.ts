import { describe, expect, it } from 'vitest';
import { type Layer, mergeLayers, valueAtPath } from './merge';

const national: Layer = {
  name: 'national@2022-08-01',
  document: '作業要點',
  values: {
    id: 'national',
    caps: { courseOutcome: { select: { max: 6, per: 'academicYear', source: '課程學習成果勾選件數' } } },
    windows: [
      {
        activity: 'courseOutcomeUpload',
        opens: { anchor: 'termStart' },
        closes: { anchor: 'closingCeremony', weeks: 2 },
        source: '一(九)',
      },
      { activity: 'receiptConfirmation', closes: { anchor: 'nationalSubmissionCloses' } },
    ],
    files: { courseOutcome: { document: { types: ['pdf', 'jpg', 'png'], maxMegabytes: 4 } } },
  },
};

const school: Layer = {
  name: 'school:magong',
  document: '馬公補充規定',
  values: {
    id: 'magong',
    caps: { courseOutcome: { upload: { max: 6, per: 'semester', source: '五(三)1' } } },
    windows: [{ activity: 'courseOutcomeUpload', closes: { anchor: 'closingCeremony', weeks: 2 }, source: '流程表' }],
    files: { courseOutcome: { document: { types: ['pdf'] } } },
  },
};

describe('mergeLayers', () => {
  const { values, provenance } = mergeLayers([national, school]);

  it('merges maps key by key and keeps the lower layer where the upper says nothing', () => {
    expect(valueAtPath(values, 'caps.courseOutcome')).toEqual({
      select: { max: 6, per: 'academicYear', source: '課程學習成果勾選件數' },
      upload: { max: 6, per: 'semester', source: '五(三)1' },
    });
  });

  it("never inherits a layer's own identity keys", () => {
    expect(values.id).toBeUndefined();
  });

  it('replaces a plain list whole', () => {
    expect(valueAtPath(values, 'files.courseOutcome.document')).toEqual({ types: ['pdf'], maxMegabytes: 4 });
    expect(provenance['files.courseOutcome.document.types']).toEqual({ layer: 'school:magong' });
    expect(provenance['files.courseOutcome.document.types.1']).toBeUndefined();
    expect(provenance['files.courseOutcome.document.maxMegabytes']).toEqual({ layer: 'national@2022-08-01' });
  });

  it('merges windows by activity: the school entry replaces the national one with the same key', () => {
    const windows = values.windows as { activity: string; source?: string }[];
    expect(windows.map((window) => [window.activity, window.source])).toEqual([
      ['courseOutcomeUpload', '流程表'],
      ['receiptConfirmation', undefined],
    ]);
    expect(provenance['windows.0']).toEqual({
      layer: 'school:magong',
      source: { document: '馬公補充規定', clause: '流程表' },
    });
    expect(provenance['windows.1.closes.anchor']).toEqual({ layer: 'national@2022-08-01' });
    // The school's entry has no `opens`: nothing of the national entry it replaced is left behind.
    expect(valueAtPath(values, 'windows.0.opens')).toBeUndefined();
    expect(Object.keys(provenance).filter((path) => path.startsWith('windows.0.opens'))).toEqual([]);
  });

  it('merges windows by their data terms too: 11102 and 111-2 are the same key, another term is another window', () => {
    const overlay: Layer = {
      name: 'overlay:taipei',
      document: '臺北市作業時程',
      values: {
        windows: [
          { activity: 'submission', terms: [11102], closes: '2023-10-24', source: '重要時序 1' },
          { activity: 'submission', terms: [11201], closes: '2024-03-29', source: '推估11202時序(二)' },
        ],
      },
    };
    const own: Layer = {
      name: 'school:demo',
      document: '示範補充規定',
      values: { windows: [{ activity: 'submission', terms: ['111-2'], closes: '2023-10-20', source: '六' }] },
    };
    const merged = mergeLayers([national, overlay, own]);
    const windows = merged.values.windows as { activity: string; closes: string }[];
    expect(windows.map((window) => [window.activity, window.closes])).toEqual([
      ['courseOutcomeUpload', { anchor: 'closingCeremony', weeks: 2 }],
      ['receiptConfirmation', { anchor: 'nationalSubmissionCloses' }],
      ['submission', '2023-10-20'],
      ['submission', '2024-03-29'],
    ]);
    expect(merged.provenance['windows.2']).toEqual({
      layer: 'school:demo',
      source: { document: '示範補充規定', clause: '六' },
    });
    expect(merged.provenance['windows.3']).toEqual({
      layer: 'overlay:taipei',
      source: { document: '臺北市作業時程', clause: '推估11202時序(二)' },
    });
  });

  it("cites the nearest source above a value, in the layer's own document", () => {
    expect(provenance['caps.courseOutcome.upload.max']).toEqual({
      layer: 'school:magong',
      source: { document: '馬公補充規定', clause: '五(三)1' },
    });
    expect(provenance['caps.courseOutcome.select.max']).toEqual({
      layer: 'national@2022-08-01',
      source: { document: '作業要點', clause: '課程學習成果勾選件數' },
    });
  });

  it('cites an object set whole by its own source, at its own path', () => {
    const withDuties: Layer = {
      ...school,
      values: {
        ...school.values,
        duties: { courseOutcomeSubmission: { owner: 'teaching', deputies: ['registration'], source: '九(三)' } },
      },
    };
    const merged = mergeLayers([national, withDuties]);
    const cited = { layer: 'school:magong', source: { document: '馬公補充規定', clause: '九(三)' } };
    expect(merged.provenance['duties.courseOutcomeSubmission']).toEqual(cited);
    expect(merged.provenance['duties.courseOutcomeSubmission.deputies.0']).toEqual(cited);
  });

  it('is the same whatever the call before it did (no state kept between calls)', () => {
    mergeLayers([school, national]);
    expect(mergeLayers([national, school])).toEqual({ values, provenance });
  });
});
