/// Notebooks: reading, writing, replaying and exporting `.planq.md` files.
public enum PlanNotebook {}
