import Budget
public enum ValidationModule {}
