/// The JSON Schema (draft 2020-12) of the canonical disclosure JSON. `yusuan schema` prints it, and
/// `schema/disclosure.schema.json` in the repository is the same text (a test keeps them equal).
public enum DisclosureSchema {
  /// The schema text.
  public static let text = #"""
    {
      "$schema": "https://json-schema.org/draft/2020-12/schema",
      "$id": "https://yusuan.invalid/schema/disclosure-2.json",
      "title": "Yusuan canonical budget disclosure (部门预算公开)",
      "description": "One department's (or unit's) budget disclosure for one year, in the template set it was published in. Amounts are exact decimal numbers in the unit each table states (万元 or 元; forms in 元); null is a blank cell, distinct from 0.00. Version-1 documents (Datong/Shanxi tables in 万元) are read as well.",
      "type": "object",
      "required": ["format", "version", "department", "unit", "tables"],
      "additionalProperties": false,
      "properties": {
        "format": {"const": "yusuan-disclosure"},
        "version": {"enum": [1, 2]},
        "department": {"type": "string", "description": "部门名称 as printed, e.g. 大同市科学技术局[部门]"},
        "departmentCode": {"type": ["string", "null"]},
        "year": {"type": ["integer", "null"], "minimum": 1990, "maximum": 2100},
        "unit": {"enum": ["万元", "元"], "description": "the unit most of the set's tables use; each table states its own"},
        "template": {"type": "string", "description": "template set id, e.g. datong-shanxi, shanghai-district-department (yusuan templates)"},
        "stage": {"enum": ["budget", "final-accounts"]},
        "entity": {"enum": ["department", "unit"]},
        "tables": {"type": "array", "items": {"$ref": "#/$defs/table"}},
        "forms": {"type": "array", "items": {"$ref": "#/$defs/form"}}
      },
      "$defs": {
        "amount": {"type": ["number", "null"], "description": "exact decimal; null = blank cell"},
        "source": {
          "type": "object",
          "required": ["file"],
          "additionalProperties": false,
          "properties": {
            "file": {"type": "string"},
            "sheet": {"type": ["string", "null"]},
            "range": {"type": ["string", "null"], "pattern": "^[A-Z]{1,3}[0-9]+(:[A-Z]{1,3}[0-9]+)?$"}
          }
        },
        "table": {
          "type": "object",
          "required": ["number", "title", "sourceUnit", "sections"],
          "additionalProperties": false,
          "properties": {
            "number": {"type": "integer", "minimum": 1, "maximum": 99, "description": "the table's number in its set (预算公开表N, 公开NN表)"},
            "kind": {"type": "string", "pattern": "^[a-z][a-z-]*$", "description": "what the table is, in one vocabulary across sets (yusuan templates)"},
            "title": {"type": "string"},
            "label": {"type": ["string", "null"]},
            "note": {"type": ["string", "null"], "description": "e.g. 注：本表无数据"},
            "sourceUnit": {"enum": ["万元", "元"], "description": "the unit printed on the table"},
            "unit": {"enum": ["万元", "元"], "description": "the unit of this table's amounts"},
            "source": {"$ref": "#/$defs/source"},
            "sections": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/section"}}
          }
        },
        "section": {
          "type": "object",
          "required": ["role", "columns", "rows"],
          "additionalProperties": false,
          "properties": {
            "role": {"enum": ["main", "income", "expenditure", "expenditure-by-use", "personnel", "public-use"]},
            "columns": {
              "type": "array",
              "items": {"type": "string", "pattern": "^[a-z][a-z_]*$", "description": "canonical column key (ColumnKey)"}
            },
            "columnLetters": {"type": "array", "items": {"type": "string", "pattern": "^[A-Z]{0,3}$"}},
            "rows": {"type": "array", "items": {"$ref": "#/$defs/row"}}
          }
        },
        "row": {
          "type": "object",
          "required": ["kind", "name", "amounts"],
          "additionalProperties": false,
          "properties": {
            "kind": {"enum": ["total", "item"]},
            "code": {"type": ["string", "null"], "pattern": "^[0-9]{1,12}$"},
            "name": {"type": "string"},
            "secondName": {"type": "string"},
            "amounts": {"type": "array", "items": {"$ref": "#/$defs/amount"}},
            "line": {"type": "integer", "minimum": 1},
            "sheet": {"type": "string", "description": "the sheet of line, when the table continues onto another sheet"}
          }
        },
        "funding": {
          "type": "object",
          "description": "项目资金（元）: total and breakdown in 元",
          "additionalProperties": false,
          "properties": {
            "total": {"$ref": "#/$defs/amount"},
            "central": {"$ref": "#/$defs/amount"},
            "provincial": {"$ref": "#/$defs/amount"},
            "local": {"$ref": "#/$defs/amount"},
            "selfRaised": {"$ref": "#/$defs/amount"},
            "other": {"$ref": "#/$defs/amount"}
          }
        },
        "indicator": {
          "type": "object",
          "required": ["period", "level1", "level2", "level3", "value"],
          "additionalProperties": false,
          "properties": {
            "period": {"enum": ["implementation", "annual"]},
            "level1": {"type": "string", "description": "一级指标"},
            "level2": {"type": "string", "description": "二级指标"},
            "level3": {"type": "string", "description": "三级指标"},
            "value": {"type": "string", "description": "指标值"}
          }
        },
        "text": {"type": ["string", "null"]},
        "form": {
          "type": "object",
          "description": "项目支出绩效目标申报表",
          "required": ["projectName"],
          "additionalProperties": false,
          "properties": {
            "title": {"type": "string"},
            "year": {"type": ["integer", "null"]},
            "projectName": {"type": "string"},
            "department": {"$ref": "#/$defs/text", "description": "主管部门及代码, e.g. 055-大同市科学技术局[部门]"},
            "implementingUnit": {"$ref": "#/$defs/text"},
            "attribute": {"$ref": "#/$defs/text"},
            "period": {"$ref": "#/$defs/text"},
            "implementationFunding": {"$ref": "#/$defs/funding"},
            "annualFunding": {"$ref": "#/$defs/funding"},
            "overview": {"$ref": "#/$defs/text"},
            "basis": {"$ref": "#/$defs/text"},
            "necessity": {"$ref": "#/$defs/text"},
            "safeguards": {"$ref": "#/$defs/text"},
            "plan": {"$ref": "#/$defs/text"},
            "implementationGoal": {"$ref": "#/$defs/text"},
            "annualGoal": {"$ref": "#/$defs/text"},
            "responsiblePerson": {"$ref": "#/$defs/text"},
            "handler": {"$ref": "#/$defs/text"},
            "phone": {"$ref": "#/$defs/text"},
            "filledOn": {"$ref": "#/$defs/text"},
            "indicators": {"type": "array", "items": {"$ref": "#/$defs/indicator"}},
            "source": {"$ref": "#/$defs/source"}
          }
        }
      }
    }
    """#
}
