import Sheets
import Budget
public enum LayoutsModule {}
